package io.tradecheck.api;

import io.tradecheck.decisionlog.RuleHistoryStore;
import io.tradecheck.editing.RuleActivation;
import io.tradecheck.editing.RuleVersion;
import io.tradecheck.editing.VersionHistory;
import io.tradecheck.engine.RulePackSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Writes every rule set that goes into force to the decision log's rule history (who, when, how, why, the digest and
 * the files): the one in force at start-up and each activation, rollback and folder edit after it.
 */
@ApplicationScoped
public class RuleHistoryRecorder implements RuleActivation.Listener {
    private static final Logger LOG = Logger.getLogger(RuleHistoryRecorder.class);

    @Inject
    RuleHistoryStore history;

    void startedWith(RuleActivation activation) {
        RuleActivation.State state = activation.state();
        RulePackSource source = activation.version(state.version().number()).map(VersionHistory.Stored::source)
                .orElseThrow(() -> new IllegalStateException("version in force is not in the version history"));
        record(source, state.version(), "START_UP", "in force at start-up (version " + state.version().number()
                + ", " + state.version().how() + " by " + state.version().by() + ")", null, Instant.now());
    }

    @Override
    public void inForce(RulePackSource source, RuleVersion version, String previousDigest) {
        String action = switch (version.how()) {
            case DRAFT -> "ACTIVATION";
            case ROLLBACK -> "ROLLBACK";
            case FOLDER_EDIT -> "FOLDER_EDIT";
            case START_UP -> "START_UP";
        };
        String comment = version.comment();
        if (version.restoredFrom() != null) {
            comment = "restores version " + version.restoredFrom() + (comment == null ? "" : ": " + comment);
        }
        record(source, version, action, comment, previousDigest, version.activatedAt());
    }

    private void record(RulePackSource source, RuleVersion version, String action, String comment, String previous,
                        Instant at) {
        try {
            history.recordActivation(source, version.packVersion(), at, version.by(), action,
                    comment, previous);
        } catch (SQLException e) {
            // The version history on disk still has it; replays of its decisions need these files, so say so loudly.
            LOG.errorf(e, "Rule version %d (%s) could not be written to the rule history", version.number(), version.digest());
            throw new IllegalStateException("rule history unavailable", e);
        }
    }
}
