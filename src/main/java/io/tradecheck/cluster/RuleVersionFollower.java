package io.tradecheck.cluster;

import io.tradecheck.editing.RuleActivation;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps a replica on the rule version the database says is in force: every {@code interval} it reads the newest
 * version number (one index lookup) and, when it differs from the one serving here, swaps it in; a version announced
 * for activation on another replica is compiled ahead, so the swap needs no compile ({@link RuleActivation#follow()}). Polling rather than LISTEN/NOTIFY: docs/adr/0010-shared-rule-versions-and-batch-jobs.md.
 * A failed poll (database away) is logged once and retried at the next tick; the replica keeps serving its version.
 */
public final class RuleVersionFollower implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RuleVersionFollower.class);

    private final RuleActivation activation;
    private final ScheduledExecutorService ticker;
    private volatile boolean failing;

    public RuleVersionFollower(RuleActivation activation) {
        this.activation = activation;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tradecheck-rule-version-follower");
            t.setDaemon(true);
            return t;
        });
    }

    public RuleVersionFollower start(Duration interval) {
        ticker.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.infof("Following the rule versions of the database every %d ms", interval.toMillis());
        return this;
    }

    void poll() {
        try {
            activation.follow().ifPresent(v -> LOG.infof("Followed the database to rule version %d", v.number()));
            if (failing) {
                LOG.info("Rule versions: the database answers again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warnf("Rule versions: cannot follow the database (%s); the version in force keeps serving",
                        e.getMessage());
                failing = true;
            }
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            activation.leave();
        } catch (RuntimeException e) {
            LOG.debugf("Could not say goodbye to the other replicas: %s", e.getMessage());
        }
    }
}
