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

    private GroupCommitWriter writer;

    @Produces
    @Singleton
    DecisionStore decisionStore() {
        return new DecisionStore(dataSource());
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
    RuleSetRegistry ruleSetRegistry(ActiveRuleSet active, RuleHistory history) {
        return new RuleSetRegistry(active, history);
    }

    @Produces
    @Singleton
    DecisionReplay decisionReplay(DecisionStore store, RuleSetRegistry registry, ShipmentChecker checker, ObjectMapper json) {
        return new DecisionReplay(store, registry, checker, json);
    }

    void drainOnStop(@Observes ShutdownEvent event) {
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
