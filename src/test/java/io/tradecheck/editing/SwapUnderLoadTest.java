package io.tradecheck.editing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradecheck.pack.RulePackCompiler;
import io.tradecheck.pack.PackCheck;
import io.tradecheck.engine.RuleSet;
import io.tradecheck.engine.ShipmentChecker;
import io.tradecheck.model.Decision;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks in a loop on several threads while the main thread swaps versions over and over: no check may fail, and
 * every decision must be wholly one version's: its digest one of the versions, its rate that version's rate.
 * Bounded by a count of swaps and a cap on checks per thread; nothing here asserts on time.
 */
public class SwapUnderLoadTest {
    private static final int THREADS = 3;
    private static final int FAST_SWAPS = 400;
    private static final int MAX_CHECKS_PER_THREAD = 2_000_000;

    @TempDir
    Path tmp;

    @Test
    void concurrentChecksDuringRepeatedSwapsSeeNoErrorAndNoMixedVersion() throws Exception {
        PackFixture.copyBundled(tmp.resolve("rules"));
        RuleActivation activation = RuleActivation.start(new RulesFolder(tmp.resolve("rules")),
                TestHistory.in(tmp.resolve("data")), new PackCheck(), Clock.systemUTC());
        DraftStore drafts = new DraftStore(5, PackArchive.Limits.DEFAULT, Clock.systemUTC());
        RuleVersion v1 = activation.state().version();
        RuleVersion v2 = activation.activate(drafts.create(PackFixture.withJapanRate(source(activation, v1), 27), v1,
                "t", null), "t", null, true);
        RuleVersion v3 = activation.activate(drafts.create(PackFixture.withJapanRate(source(activation, v1), 30), v1,
                "t", null), "t", null, true);
        Map<String, BigDecimal> rateByDigest = Map.of(v1.digest(), new BigDecimal("24"), v2.digest(),
                new BigDecimal("27"), v3.digest(), new BigDecimal("30"));
        RulePackCompiler compiler = new RulePackCompiler();
        List<RuleSet> compiled = List.of(compiler.compile(source(activation, v1)), compiler.compile(source(activation, v2)),
                compiler.compile(source(activation, v3)));

        ShipmentChecker checker = new ShipmentChecker(activation.active(), ZoneId.of("UTC"));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong checks = new AtomicLong();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < MAX_CHECKS_PER_THREAD && !stop.get(); i++) {
                    try {
                        Decision d = checker.check(PackFixture.japaneseBall("load-" + i));
                        BigDecimal expected = rateByDigest.get(d.ruleSet().digest());
                        if (expected == null) {
                            failures.add("unknown digest " + d.ruleSet().digest());
                        } else if (expected.compareTo(d.additionalDutyRate()) != 0) {
                            failures.add("mixed version: digest of the " + expected + "% version, rate "
                                    + d.additionalDutyRate());
                        }
                        seen.add(d.ruleSet().digest());
                        checks.incrementAndGet();
                    } catch (Throwable e) {
                        failures.add(e.toString());
                    }
                }
            }, "checker-" + t);
            threads.add(thread);
            thread.start();
        }

        // Fast swaps of precompiled versions, then full rollbacks (compile, folder, history) under the same load.
        for (int i = 0; i < FAST_SWAPS; i++) {
            activation.active().activate(compiled.get(i % 3));
            Thread.yield();
        }
        for (RuleVersion v : List.of(v1, v3, v2)) {
            activation.rollback(v.number(), "t", null);
            awaitSeen(seen, v.digest(), threads);
        }
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }

        assertEquals(List.of(), List.copyOf(failures).subList(0, Math.min(failures.size(), 10)));
        assertTrue(checks.get() > 0);
        assertEquals(rateByDigest.keySet(), seen, "every version answered some checks");
        assertEquals(v2.digest(), activation.active().current().info().digest());
    }

    /** Lets the checking threads meet the version just swapped in; the bound only guards against a hang. */
    public static void awaitSeen(Set<String> seen, String digest, List<Thread> threads) throws InterruptedException {
        for (int i = 0; i < 6000 && !seen.contains(digest) && threads.stream().anyMatch(Thread::isAlive); i++) {
            Thread.sleep(10);
        }
    }

    private static io.tradecheck.pack.RulePackSource source(RuleActivation activation, RuleVersion v) {
        return activation.version(v.number()).orElseThrow().source();
    }
}
