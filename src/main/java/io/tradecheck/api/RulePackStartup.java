package io.tradecheck.api;

import io.quarkus.runtime.Startup;
import io.tradecheck.decisionlog.DecisionLog;
import io.tradecheck.decisionlog.RuleHistoryStore;
import io.tradecheck.engine.ActiveRuleSet;
import io.tradecheck.engine.RulePackCompiler;
import io.tradecheck.engine.RulePackSource;
import io.tradecheck.engine.RuleSet;
import io.tradecheck.engine.ShipmentChecker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import io.tradecheck.security.CurrentCaller;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Compiles the rules folder once at start-up. A pack that does not compile stops the start, with every problem
 * (file, line, column, reason) in the log: the service never answers on rules it could not load.
 */
@ApplicationScoped
public class RulePackStartup {
    private static final Logger LOG = Logger.getLogger(RulePackStartup.class);

    @Produces
    @Singleton
    @Startup
    ActiveRuleSet activeRuleSet(@ConfigProperty(name = "tradecheck.rules.dir", defaultValue = "rules") Path rulesDir,
                                RuleHistoryStore history) throws SQLException {
        RulePackSource source = RulePackSource.fromDirectory(rulesDir);
        RuleSet ruleSet = new RulePackCompiler().compile(source);
        var info = ruleSet.info();
        // The rule history keeps the files of every rule set that went into force, so its decisions can be replayed.
        history.recordActivation(source, info.version(), info.loadedAt(), CurrentCaller.SYSTEM, "START_UP",
                "rules folder " + rulesDir.toAbsolutePath().normalize(), null);
        LOG.infof("Rule pack %s (%s) loaded from %s in %d ms: %d table rows, %d rules, content %s..%s",
                info.version(), info.digest().substring(0, 19), rulesDir.toAbsolutePath().normalize(),
                info.compileMillis(), info.counts().tableRows(), info.counts().rules(), info.contentFrom(),
                info.contentTo());
        return new ActiveRuleSet(ruleSet);
    }

    @Produces
    @Singleton
    ShipmentChecker shipmentChecker(ActiveRuleSet rules, DecisionLog log,
                                    @ConfigProperty(name = "tradecheck.customs-zone", defaultValue = "America/New_York") ZoneId zone) {
        return new ShipmentChecker(rules, zone, log);
    }
}
