package io.tradecheck.editing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradecheck.batch.OrderFiles;
import io.tradecheck.batch.OrderFormat;
import io.tradecheck.batch.OrderReader;
import io.tradecheck.model.validation.RequestValidation;
import io.tradecheck.pack.RulePackCompiler;
import io.tradecheck.pack.RulePackSource;
import io.tradecheck.engine.RuleSet;
import io.tradecheck.model.Outcome;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ImpactAnalysisTest {
    static final Path ORDERS = Path.of("src/test/resources/editing/impact-orders.csv");
    static RuleSet active;
    static RuleSet draft;
    static ExecutorService pool = Executors.newFixedThreadPool(2);

    @BeforeAll
    static void compile() {
        RulePackSource bundled = RulePackSource.fromDirectory(PackFixture.BUNDLED);
        active = new RulePackCompiler().compile(bundled);
        draft = new RulePackCompiler().compile(RulePackSource.of("draft",
                List.copyOf(PackFixture.withJapanRate(bundled, 27).values())));
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    @Test
    void aRateChangeShowsTheLinesItChangesByHowMuchAndWhichRule() throws Exception {
        List<RowChange> streamed = new ArrayList<>();
        ImpactReport report;
        try (OrderReader reader = OrderFiles.open(ORDERS, OrderFormat.CSV, null)) {
            report = new ImpactAnalysis(RequestValidation.validator(), pool, 2, ZoneId.of("America/New_York"))
                    .compare(reader, active, draft, 1, streamed::add);
        }
        assertEquals(6, report.rows());
        assertEquals(5, report.checked());
        assertEquals(1, report.invalid());
        assertEquals("originCountry", report.invalidLines().get(0).errors().get(0).column());
        assertEquals(7, report.invalidLines().get(0).line());

        assertEquals(2, report.changed(), "only the Japanese lines of 9 April 2025");
        assertEquals(Map.of(RowChange.Change.DUTY, 2L), report.changesByKind());
        assertEquals(List.of("JP-0409-A", "JP-0409-B"), streamed.stream().map(RowChange::reference).toList());
        RowChange ball = streamed.get(0);
        assertEquals(2, ball.line());
        assertEquals(Outcome.DUTIABLE, ball.decisionAfter());
        assertEquals(0, new BigDecimal("24").compareTo(ball.rateBefore()));
        assertEquals(0, new BigDecimal("27").compareTo(ball.rateAfter()));
        assertEquals(0, new BigDecimal("30").compareTo(ball.dutyDelta()));
        assertEquals(List.of("US-RECIPROCAL-JP-APRIL"), ball.causes());
        assertTrue(ball.removed().get(0).startsWith("US-RECIPROCAL-JP-APRIL TARIFF 24%"), ball.removed().toString());
        assertTrue(ball.added().get(0).startsWith("US-RECIPROCAL-JP-APRIL TARIFF 27%"), ball.added().toString());

        assertEquals(1, report.changedRows().size(), "listed up to the limit");
        assertEquals(1, report.changedRowsOmitted());
        assertEquals(List.of(new ImpactReport.RuleImpact("US-RECIPROCAL-JP-APRIL", 2)), report.rules());
        ImpactReport.DutyTotal usd = report.duty().stream().filter(d -> d.currency().equals("USD")).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("630").compareTo(usd.delta()), "3% more on 1000 + 20000 USD");
        assertEquals(active.ref(), report.before());
        assertEquals(draft.ref(), report.after());
    }

    @Test
    void theSameRuleSetOnBothSidesChangesNothing() throws Exception {
        try (OrderReader reader = OrderFiles.open(ORDERS, OrderFormat.CSV, null)) {
            ImpactReport report = new ImpactAnalysis(RequestValidation.validator(), pool, 1, ZoneId.of("UTC"))
                    .compare(reader, active, active, 10, c -> { });
            assertEquals(0, report.changed());
            assertEquals(5, report.checked());
        }
    }
}
