package io.tradecheck.editing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradecheck.pack.PackCheck;
import io.tradecheck.pack.RulePackException;
import io.tradecheck.pack.RulePackSource;
import io.tradecheck.engine.ShipmentChecker;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleActivationTest {
    @TempDir
    Path tmp;
    Path rules;
    Path data;

    @BeforeEach
    void copyPack() {
        rules = tmp.resolve("rules");
        data = tmp.resolve("data");
        PackFixture.copyBundled(rules);
    }

    private RuleActivation start() {
        return RuleActivation.start(new RulesFolder(rules), TestHistory.in(data),
                new PackCheck(), Clock.systemUTC());
    }

    private static BigDecimal japanRate(RuleActivation activation) {
        return new ShipmentChecker(activation.active(), ZoneId.of("UTC")).check(PackFixture.japaneseBall("t"))
                .additionalDutyRate();
    }

    private static Draft draft(RuleActivation activation, int japanRate) {
        DraftStore drafts = new DraftStore(5, PackArchive.Limits.DEFAULT, Clock.systemUTC());
        RulePackSource live = activation.version(activation.state().version().number()).orElseThrow().source();
        return drafts.create(PackFixture.withJapanRate(live, japanRate), activation.state().version(), "ann", "JP 27");
    }

    @Test
    void aValidDraftGoesLiveAndTheFolderAndHistoryFollow() throws IOException {
        RuleActivation activation = start();
        assertEquals(0, new BigDecimal("24").compareTo(japanRate(activation)));
        RuleVersion first = activation.state().version();
        assertEquals(RuleVersion.How.START_UP, first.how());

        RuleVersion second = activation.activate(draft(activation, 27), "ann", "EO of the day", false);

        assertEquals(first.number() + 1, second.number());
        assertEquals("ann", second.by());
        assertEquals(0, new BigDecimal("27").compareTo(japanRate(activation)));
        assertEquals(second.digest(), activation.active().current().info().digest());
        assertEquals(second.digest(), RulePackSource.fromDirectory(rules).digest(), "the folder mirrors what is live");
        assertTrue(Files.readString(rules.resolve(PackFixture.RECIPROCAL)).contains(",27,9903.01.53,2025-04-09,"));
        assertEquals(2, activation.history().size());
    }

    @Test
    void anInvalidDraftIsRefusedWithFileLineAndColumnAndTheLiveVersionKeepsAnswering() {
        RuleActivation activation = start();
        Draft draft = draft(activation, 27);
        Draft broken = draft.withFile(RulePackSource.file("us-import/ieepa-fentanyl-china.csv",
                PackFixture.brokenFentanylTable(draft.files().get("us-import/ieepa-fentanyl-china.csv").content())),
                draft.updatedAt());

        ActivationRefusedException e = assertThrows(ActivationRefusedException.class,
                () -> activation.activate(broken, "ann", null, false));

        assertFalse(e.verdict().valid());
        assertTrue(e.verdict().errors().stream().anyMatch(p -> p.file().equals("us-import/ieepa-fentanyl-china.csv")
                && p.line() == 2 && "to".equals(p.column())), e.verdict().errors().toString());
        assertEquals(0, new BigDecimal("24").compareTo(japanRate(activation)));
        assertEquals(1, activation.history().size());
    }

    @Test
    void aDraftMadeFromAnOlderVersionNeedsForce() {
        RuleActivation activation = start();
        Draft stale = draft(activation, 30);
        activation.activate(draft(activation, 27), "ann", null, false);
        assertThrows(ActivationConflictException.class, () -> activation.activate(stale, "bob", null, false));
        activation.activate(stale, "bob", null, true);
        assertEquals(0, new BigDecimal("30").compareTo(japanRate(activation)));
    }

    @Test
    void aRollbackRestoresTheEarlierDecisionsAndSurvivesARestart() {
        RuleActivation activation = start();
        int original = activation.state().version().number();
        activation.activate(draft(activation, 27), "ann", null, false);

        RuleVersion rollback = activation.rollback(original, "bob", "wrong EO");

        assertEquals(RuleVersion.How.ROLLBACK, rollback.how());
        assertEquals(original, rollback.restoredFrom());
        assertEquals(activation.history().get(0).digest(), rollback.digest());
        assertEquals(0, new BigDecimal("24").compareTo(japanRate(activation)));

        RuleActivation restarted = start();
        assertEquals(3, restarted.history().size(), "the folder matches the latest version: no new entry");
        assertEquals(rollback.number(), restarted.state().version().number());
        restarted.rollback(2, "ann", null);
        assertEquals(0, new BigDecimal("27").compareTo(japanRate(restarted)), "version 2 replayed from the data dir");
    }

    @Test
    void anInPlaceEditIsLoadedAndABrokenOneLeavesTheLastGoodVersionServing() throws IOException {
        RuleActivation activation = start();
        PackFixture.setJapanRate(rules, 27);
        assertTrue(activation.reloadFolder().isPresent());
        assertEquals(0, new BigDecimal("27").compareTo(japanRate(activation)));
        assertTrue(activation.reloadFolder().isEmpty(), "unchanged content is not a new version");

        Path fentanyl = rules.resolve("us-import/ieepa-fentanyl-china.csv");
        byte[] good = Files.readAllBytes(fentanyl);
        Files.write(fentanyl, PackFixture.brokenFentanylTable(good));
        assertTrue(activation.reloadFolder().isEmpty());
        RuleActivation.State state = activation.state();
        assertEquals(RuleActivation.Status.ERROR, state.status());
        assertTrue(state.lastError().problems().stream().anyMatch(p -> p.line() == 2 && "to".equals(p.column())));
        assertEquals(0, new BigDecimal("27").compareTo(japanRate(activation)));

        // A restart with the folder still broken serves the last good version instead of failing.
        RuleActivation restarted = start();
        assertEquals(RuleActivation.Status.ERROR, restarted.state().status());
        assertEquals(0, new BigDecimal("27").compareTo(japanRate(restarted)));

        Files.write(fentanyl, good);
        activation.reloadFolder();
        assertEquals(RuleActivation.Status.OK, activation.state().status());
    }

    @Test
    void aBrokenFolderWithNoHistoryStopsTheStart() throws IOException {
        Path fentanyl = rules.resolve("us-import/ieepa-fentanyl-china.csv");
        Files.write(fentanyl, PackFixture.brokenFentanylTable(Files.readAllBytes(fentanyl)));
        assertThrows(RulePackException.class, this::start);
    }

    @Test
    void theHistoryKeepsEveryVersionWithItsFilesOnceForEachDigest() {
        RuleHistory history = TestHistory.in(data);
        RulePackSource source = RulePackSource.fromDirectory(rules);
        for (int i = 0; i < 60; i++) {
            history.record(source, "v", "t", null, RuleVersion.How.DRAFT, null, java.time.Instant.now(), null);
        }
        RuleHistory reopened = TestHistory.in(data);
        assertEquals(60, reopened.list().size());
        assertEquals(1, reopened.list().get(0).number());
        assertEquals(source.digest(), reopened.get(1).orElseThrow().source().digest(), "the first version's files");
        assertEquals(60, reopened.latestWith(source.digest()).orElseThrow().number());
    }
}
