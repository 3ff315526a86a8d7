package io.tradecheck.decisionlog;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.ShutdownEvent;
import io.tradecheck.config.TradecheckConfig;
import io.tradecheck.editing.RuleHistory;
import io.tradecheck.engine.ActiveRuleSet;
import io.tradecheck.engine.ShipmentChecker;
import io.tradecheck.security.CurrentCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Wires the decision log to the database chosen at run time ({@code tradecheck.database}: {@code h2} or
 * {@code postgresql}; both drivers are in the jar, each datasource is active only when chosen), and drains it on a
 * clean stop.
 */
@ApplicationScoped
public class DecisionLogSetup {
    private static final Logger LOG = Logger.getLogger(DecisionLogSetup.class);

    @Inject
    TradecheckConfig config;

    @ConfigProperty(name = "tradecheck.decision-log.retention", defaultValue = "P1826D")
    Duration retention;

    @ConfigProperty(name = "tradecheck.decision-log.purge-every", defaultValue = "1h")
    Duration purgeEvery;

    @ConfigProperty(name = "tradecheck.decision-log.purge-batch", defaultValue = "1000")
    int purgeBatch;

    private GroupCommitWriter writer;
    private DecisionRetention retentionJob;

    @Produces
    @Singleton
    DecisionStore decisionStore(RuleHistory history) {
        // PostgreSQL: each group with one COPY; H2: a JDBC batch of INSERTs.
        return config.database().equals("postgresql") ? new PostgresDecisionStore(dataSource(), history::holds)
                : new DecisionStore(dataSource(), history::holds);
    }

    @Produces
    @Singleton
    RuleHistory ruleHistory() {
        return new RuleHistory(dataSource());
    }

    @Produces
    @Singleton
    DecisionLog decisionLog(DecisionStore store, ObjectMapper json, CurrentCaller caller) {
        // Durable: commit at once, a caller waits. Async: let a group gather for a few ms, nobody waits.
        TradecheckConfig.DecisionLog settings = config.decisionLog();
        DecisionLogMode mode = DecisionLogMode.valueOf(settings.mode().toUpperCase(java.util.Locale.ROOT));
        writer = new GroupCommitWriter(store, settings.queueSize(), settings.maxGroup(),
                mode == DecisionLogMode.ASYNC ? settings.asyncLinger() : Duration.ZERO);
        LOG.infof("Decision log: %s mode, %s database", mode.name().toLowerCase(), config.database());
        return new DecisionLog(mode, writer, json, caller, Clock.systemUTC(), settings.maxWait());
    }

    @Produces
    @Singleton
    DecisionRetention decisionRetention(DecisionStore store) {
        retentionJob = new DecisionRetention(store, retention, purgeBatch, Clock.systemUTC());
        return retentionJob;
    }

    void startRetention(@Observes io.quarkus.runtime.StartupEvent event, DecisionRetention retention) {
        retention.start(purgeEvery);
    }

    @Produces
    @Singleton
    DecisionLogDisk decisionLogDisk(DecisionStore store,
                                    @ConfigProperty(name = "tradecheck.data.dir", defaultValue = "./data") String dataDir) {
        return new DecisionLogDisk(config.database(), java.nio.file.Path.of(dataDir), store.dataSource());
    }

    @Produces
    @Singleton
    RuleSetRegistry ruleSetRegistry(ActiveRuleSet active, RuleHistory history) {
        return new RuleSetRegistry(active, history);
    }

    @Produces
    @Singleton
    DecisionArchive decisionArchive(DecisionStore store, RuleSetRegistry registry, ShipmentChecker checker, ObjectMapper json) {
        return new DecisionArchive(store, registry::find, checker, json);
    }

    @Produces
    @Singleton
    DecisionReplay decisionReplay(DecisionArchive archive, RuleSetRegistry registry, ShipmentChecker checker, ObjectMapper json) {
        return new DecisionReplay(archive, registry, checker, json);
    }

    void drainOnStop(@Observes ShutdownEvent event) {
        if (retentionJob != null) {
            retentionJob.close();
        }
        if (writer != null) {
            writer.close(config.decisionLog().drainTimeout());
        }
    }

    private AgroalDataSource dataSource() {
        String database = config.database();
        if (!database.equals("h2") && !database.equals("postgresql")) {
            throw new IllegalStateException("tradecheck.database must be h2 or postgresql, not '" + database + "'");
        }
        return Arc.container().select(AgroalDataSource.class, new DataSource.DataSourceLiteral(database)).get();
    }
}
