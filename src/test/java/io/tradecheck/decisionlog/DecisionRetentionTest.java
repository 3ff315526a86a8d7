package io.tradecheck.decisionlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Decisions past the retention period go, in batches; younger ones stay, to the millisecond. */
class DecisionRetentionTest {

    private static DecisionRecord madeAt(Instant at, int i) {
        DecisionRecord r = GroupCommitWriterTest.row(i);
        return new DecisionRecord(DecisionIds.nextUuid(at.toEpochMilli()), r.caller(), r.reference(), r.outcome(),
                r.ruleSetVersion(), r.ruleSetDigest(), null, null, null, null, null, null, r.answerSha256(), r.requestJson(),
                r.answerJson());
    }

    @Test
    void decisionsOlderThanTheRetentionPeriodArePurgedInBatches() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        GroupCommitWriterTest.migrate(ds);
        DecisionStore store = new DecisionStore(ds);
        Instant now = Instant.parse("2031-03-01T12:00:00Z");
        Instant limit = now.minus(Duration.ofDays(1826));
        List<DecisionRecord> rows = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            rows.add(madeAt(limit.minusMillis(1 + i * 86_400_000L), i));    // past retention
        }
        for (int i = 0; i < 7; i++) {
            rows.add(madeAt(limit.plusMillis(i * 3_600_000L), 100 + i));    // at or inside it
        }
        store.insert(rows);

        DecisionRetention retention = new DecisionRetention(store, Duration.ofDays(1826), 10, Clock.fixed(now, ZoneOffset.UTC));
        assertEquals(25, retention.purge());
        List<DecisionRecord> left = store.query(new DecisionQuery(null, null, null, null, null, null, 100, 0));
        assertEquals(7, left.size());
        assertTrue(left.stream().allMatch(r -> !r.decidedAt().isBefore(limit)), "only decisions inside the period stay");
        assertEquals(0, retention.purge(), "nothing more to purge");
    }
}
