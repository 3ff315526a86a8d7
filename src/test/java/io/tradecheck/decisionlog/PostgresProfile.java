package io.tradecheck.decisionlog;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The decision log on PostgreSQL instead of H2, at the server {@code .ci/run} starts and names in
 * {@code TRADECHECK_TEST_PG_URL}. Tests using this profile are enabled only when that variable is set.
 */
public class PostgresProfile implements QuarkusTestProfile {
    public static final String URL_VARIABLE = "TRADECHECK_TEST_PG_URL";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "tradecheck.database", "postgresql",
                "quarkus.datasource.h2.active", "false",
                "quarkus.datasource.postgresql.active", "true",
                "quarkus.datasource.postgresql.jdbc.url", System.getenv().getOrDefault(URL_VARIABLE, "jdbc:postgresql://localhost/none"),
                "quarkus.datasource.postgresql.username", System.getenv().getOrDefault("TRADECHECK_TEST_PG_USER", "tradecheck"),
                "quarkus.datasource.postgresql.password", System.getenv().getOrDefault("TRADECHECK_TEST_PG_PASSWORD", ""));
    }
}
