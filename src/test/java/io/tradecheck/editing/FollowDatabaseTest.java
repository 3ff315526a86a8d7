package io.tradecheck.editing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradecheck.engine.ShipmentChecker;
import io.tradecheck.pack.PackCheck;
import io.tradecheck.pack.RulePackSource;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replicas following the database ({@link RuleActivation#startFollowingDatabase}): two activations sharing one rule
 * history (one H2 file opened twice, as two replicas share PostgreSQL), each with its own rules folder.
 */
class FollowDatabaseTest {
    @TempDir
    Path tmp;

    private RuleActivation replica(String name) {
        Path rules = tmp.resolve(name);
        PackFixture.copyBundled(rules);
        return RuleActivation.startFollowingDatabase(new RulesFolder(rules), TestHistory.in(tmp.resolve("data")),
                new PackCheck(), Clock.systemUTC());
    }

    /** A replica with a name: its activations wait for the others to compile ahead (prepare phase). */
    private RuleActivation named(String name) {
        Path rules = tmp.resolve(name);
        PackFixture.copyBundled(rules);
        return RuleActivation.startFollowingDatabase(new RulesFolder(rules), TestHistory.in(tmp.resolve("data")),
                new PackCheck(), Clock.systemUTC(), name, java.time.Duration.ofSeconds(120));
    }

    private static BigDecimal japanRate(RuleActivation activation) {
        return new ShipmentChecker(activation.active(), ZoneId.of("UTC")).check(PackFixture.japaneseBall("t"))
                .additionalDutyRate();
    }

    private static Draft draft(RuleActivation activation, int japanRate) {
        DraftStore drafts = new DraftStore(5, PackArchive.Limits.DEFAULT, Clock.systemUTC());
        RulePackSource live = activation.version(activation.state().version().number()).orElseThrow().source();
        return drafts.create(PackFixture.withJapanRate(live, japanRate), activation.state().version(), "ann", "JP");
    }

    @Test
    void anActivationOnOneReplicaIsFollowedByTheOtherAndByOneStartingLater() {
        RuleActivation one = replica("one");
        RuleActivation two = replica("two");
        assertEquals(one.state().version(), two.state().version(), "the second replica takes the version recorded by the first");
        assertTrue(two.followsDatabase());

        RuleVersion changed = one.activate(draft(one, 27), "ann", "JP 27", false);
        assertEquals(0, new BigDecimal("27").compareTo(japanRate(one)));
        assertEquals(0, new BigDecimal("24").compareTo(japanRate(two)), "not followed yet");

        assertEquals(Optional.of(changed), two.follow());
        assertEquals(changed.digest(), two.active().current().info().digest());
        assertEquals(0, new BigDecimal("27").compareTo(japanRate(two)));
        assertEquals(changed.digest(), new RulesFolder(tmp.resolve("two")).read().digest(), "its folder is a copy of it");
        assertEquals(Optional.empty(), two.follow(), "nothing new");

        // A replica started later on a folder with the old files takes the database's version and rewrites its folder.
        RuleActivation three = replica("three");
        assertEquals(changed.number(), three.state().version().number());
        assertEquals(changed.digest(), new RulesFolder(tmp.resolve("three")).read().digest());
    }

    @Test
    void anActivationIsRecordedOnlyOnceTheOtherReplicaCompiledItAhead() throws Exception {
        RuleActivation one = named("one");
        RuleActivation two = named("two");
        RuleHistory history = TestHistory.in(tmp.resolve("data"));
        int before = history.latestNumber();
        Draft draft = draft(one, 27);
        java.util.concurrent.CompletableFuture<RuleVersion> activating =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> one.activate(draft, "ann", null, false));
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (history.latestPrepared().filter(draft.source().digest()::equals).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(Optional.of(draft.source().digest()), history.latestPrepared(), "announced after its pack check");
        Thread.sleep(500);
        assertTrue(!activating.isDone() && history.latestNumber() == before, "not recorded while replica two is not ready");

        assertEquals(Optional.empty(), two.follow(), "compiles ahead and reports ready; nothing in force changes yet");
        assertEquals(0, new BigDecimal("24").compareTo(japanRate(two)));
        RuleVersion changed = activating.get(120, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(Optional.of(changed), two.follow());
        assertEquals(0, new BigDecimal("27").compareTo(japanRate(two)));
    }

    @Test
    void aRollbackOnAnyReplicaIsFollowedAndAStaleDraftIsRefusedEverywhere() {
        RuleActivation one = replica("one");
        RuleActivation two = replica("two");
        RuleVersion first = one.state().version();
        Draft staleOnTwo = draft(two, 30);
        one.activate(draft(one, 27), "ann", "JP 27", false);

        // Replica two has not polled yet, but an activation there compares the draft with the version in force everywhere.
        assertThrows(ActivationConflictException.class, () -> two.activate(staleOnTwo, "bob", null, false));
        assertEquals(0, new BigDecimal("27").compareTo(japanRate(two)), "the refused activation caught up first");

        RuleVersion back = two.rollback(first.number(), "bob", "back to the start");
        assertEquals(first.digest(), back.digest());
        assertNotEquals(first.number(), back.number());
        assertEquals(back.number(), one.follow().orElseThrow().number());
        assertEquals(0, new BigDecimal("24").compareTo(japanRate(one)));
    }
}
