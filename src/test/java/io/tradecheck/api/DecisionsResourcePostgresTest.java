package io.tradecheck.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.tradecheck.decisionlog.PostgresProfile;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The same decision-log and rule-history tests on PostgreSQL (started by .ci/run; skipped where there is none). */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@EnabledIfEnvironmentVariable(named = PostgresProfile.URL_VARIABLE, matches = ".+")
class DecisionsResourcePostgresTest extends DecisionsResourceTest {
}
