package io.tradecheck.api;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import io.tradecheck.cluster.RuleVersionFollower;
import io.tradecheck.config.TradecheckConfig;
import io.tradecheck.editing.DraftStore;
import io.tradecheck.editing.ImpactAnalysis;
import io.tradecheck.editing.PackArchive;
import io.tradecheck.editing.RuleActivation;
import io.tradecheck.editing.RulesFolder;
import io.tradecheck.editing.RulesFolderWatch;
import io.tradecheck.editing.RuleHistory;
import io.tradecheck.engine.ActiveRuleSet;
import io.tradecheck.pack.RulePackCompiler;
import io.tradecheck.decisionlog.DecisionLog;
import io.tradecheck.pack.PackCheck;
import io.tradecheck.pack.PassedPacks;
import io.tradecheck.engine.ShipmentChecker;
import io.tradecheck.model.validation.RequestValidation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

    @Inject
    TradecheckConfig config;

    private RulesFolderWatch folderWatch;
    private RuleVersionFollower follower;
    private final ExecutorService impactPool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
            r -> {
                Thread t = new Thread(r, "tradecheck-impact");
                t.setDaemon(true);
                return t;
            });

    @Produces
    @Singleton
    PackCheck packCheck() {
        return new PackCheck(new RulePackCompiler(), config.rules().coverage(),
                PassedPacks.in(config.data().dir().resolve("passed-packs")));
    }

    @Produces
    @Singleton
    @Startup
    RuleActivation ruleActivation(PackCheck check, RuleHistory history) {
        if (config.cluster().enabled() && !config.database().equals("postgresql")) {
            throw new IllegalStateException("tradecheck.cluster.enabled=true needs tradecheck.database=postgresql: the "
                    + "replicas share their rule versions and batch jobs through it (docs/operations.md)");
        }
        RulesFolder folder = new RulesFolder(config.rules().dir());
        RuleActivation activation = config.cluster().enabled() ? RuleActivation.startFollowingDatabase(folder, history, check,
                Clock.systemUTC(), config.cluster().node().orElseGet(BatchStartup::nodeName), config.cluster().prepareTimeout())
                : RuleActivation.start(folder, history, check, Clock.systemUTC());
        var info = activation.active().current().info();
        LOG.infof("Rule pack %s (%s) in force as version %d, from %s in %d ms: %d table rows, %d rules, content %s..%s",
                info.version(), info.digest().substring(0, 19), activation.state().version().number(),
                config.rules().dir().toAbsolutePath().normalize(), info.compileMillis(), info.counts().tableRows(),
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
    ShipmentChecker shipmentChecker(ActiveRuleSet rules, DecisionLog log) {
        return new ShipmentChecker(rules, config.customsZone(), log);
    }

    @Produces
    @Singleton
    DraftStore draftStore() {
        var upload = config.upload();
        return new DraftStore(config.drafts().keep(), config.drafts().maxBytes(),
                new PackArchive.Limits(upload.maxFileBytes(), upload.maxTotalBytes(), upload.maxFiles()), Clock.systemUTC());
    }

    @Produces
    @Singleton
    ImpactAnalysis impactAnalysis() {
        return new ImpactAnalysis(RequestValidation.validator(), impactPool, Runtime.getRuntime().availableProcessors(),
                config.customsZone());
    }

    void startWatching(@Observes StartupEvent event, RuleActivation activation) {
        if (config.cluster().enabled()) {
            follower = new RuleVersionFollower(activation).start(config.cluster().pollInterval());
        }
        if (config.rules().watch() && (!config.cluster().enabled() || config.cluster().folderAuthor())) {
            folderWatch = new RulesFolderWatch(config.rules().dir(), config.rules().debounce(), activation::reloadFolder)
                    .start();
        }
    }

    void stopWatching(@Observes ShutdownEvent event) {
        if (follower != null) {
            follower.close();
        }
        if (folderWatch != null) {
            folderWatch.close();
        }
        impactPool.shutdownNow();
    }

    boolean watching() {
        return folderWatch != null;
    }
}
