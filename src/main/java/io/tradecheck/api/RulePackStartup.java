package io.tradecheck.api;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import io.tradecheck.model.validation.RequestValidation;
import io.tradecheck.editing.DraftStore;
import io.tradecheck.editing.ImpactAnalysis;
import io.tradecheck.editing.PackArchive;
import io.tradecheck.editing.RuleActivation;
import io.tradecheck.editing.RulesFolder;
import io.tradecheck.editing.RulesFolderWatch;
import io.tradecheck.editing.RuleHistory;
import io.tradecheck.engine.ActiveRuleSet;
import io.tradecheck.engine.RulePackCompiler;
import io.tradecheck.decisionlog.DecisionLog;
import io.tradecheck.pack.PackCheck;
import io.tradecheck.engine.ShipmentChecker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads the rules folder at start-up and wires rule editing. A folder that does not validate falls back to the last
 * version in the history (status ERROR); with no history the start fails with every problem (file, line, column,
 * reason) in the log: the service never answers on rules it could not load. With {@code tradecheck.rules.watch} the
 * folder is watched and edits go live after the debounce.
 */
@ApplicationScoped
public class RulePackStartup {
    private static final Logger LOG = Logger.getLogger(RulePackStartup.class);

    @ConfigProperty(name = "tradecheck.rules.dir", defaultValue = "rules")
    Path rulesDir;
    @ConfigProperty(name = "tradecheck.rules.watch", defaultValue = "true")
    boolean watch;
    @ConfigProperty(name = "tradecheck.rules.debounce", defaultValue = "500ms")
    Duration debounce;

    private RulesFolderWatch folderWatch;
    private final ExecutorService impactPool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
            r -> {
                Thread t = new Thread(r, "tradecheck-impact");
                t.setDaemon(true);
                return t;
            });

    @Produces
    @Singleton
    PackCheck packCheck(@ConfigProperty(name = "tradecheck.rules.coverage", defaultValue = "gate") String coverage) {
        return new PackCheck(new RulePackCompiler(), PackCheck.Coverage.valueOf(coverage.toUpperCase()));
    }

    @Produces
    @Singleton
    @Startup
    RuleActivation ruleActivation(PackCheck check, RuleHistory history) {
        RuleActivation activation = RuleActivation.start(new RulesFolder(rulesDir), history, check, Clock.systemUTC());
        var info = activation.active().current().info();
        LOG.infof("Rule pack %s (%s) in force as version %d, from %s in %d ms: %d table rows, %d rules, content %s..%s",
                info.version(), info.digest().substring(0, 19), activation.state().version().number(),
                rulesDir.toAbsolutePath().normalize(), info.compileMillis(), info.counts().tableRows(),
                info.counts().rules(), info.contentFrom(), info.contentTo());
        return activation;
    }

    @Produces
    @Singleton
    ActiveRuleSet activeRuleSet(RuleActivation activation) {
        return activation.active();
    }

    @Produces
    @Singleton
    ShipmentChecker shipmentChecker(ActiveRuleSet rules, DecisionLog log,
                                    @ConfigProperty(name = "tradecheck.customs-zone", defaultValue = "America/New_York") ZoneId zone) {
        return new ShipmentChecker(rules, zone, log);
    }

    @Produces
    @Singleton
    DraftStore draftStore(@ConfigProperty(name = "tradecheck.drafts.keep", defaultValue = "20") int keep,
                          @ConfigProperty(name = "tradecheck.upload.max-file-bytes", defaultValue = "5242880") long maxFile,
                          @ConfigProperty(name = "tradecheck.upload.max-total-bytes", defaultValue = "52428800") long maxTotal,
                          @ConfigProperty(name = "tradecheck.upload.max-files", defaultValue = "500") int maxFiles) {
        return new DraftStore(keep, new PackArchive.Limits(maxFile, maxTotal, maxFiles), Clock.systemUTC());
    }

    @Produces
    @Singleton
    ImpactAnalysis impactAnalysis(@ConfigProperty(name = "tradecheck.customs-zone", defaultValue = "America/New_York") ZoneId zone) {
        return new ImpactAnalysis(RequestValidation.validator(), impactPool, Runtime.getRuntime().availableProcessors(), zone);
    }

    void startWatching(@Observes StartupEvent event, RuleActivation activation) {
        if (watch) {
            folderWatch = new RulesFolderWatch(rulesDir, debounce, activation::reloadFolder).start();
        }
    }

    void stopWatching(@Observes ShutdownEvent event) {
        if (folderWatch != null) {
            folderWatch.close();
        }
        impactPool.shutdownNow();
    }

    boolean watching() {
        return folderWatch != null;
    }
}
