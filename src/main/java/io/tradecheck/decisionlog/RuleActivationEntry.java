package io.tradecheck.decisionlog;

import java.time.Instant;

/**
 * One line of the rule history: a rule set went into force.
 *
 * @param action         {@code START_UP}, {@code ACTIVATION}, {@code FOLDER_EDIT} or {@code ROLLBACK}
 * @param previousDigest the rule set it replaced, if any
 */
public record RuleActivationEntry(long id, Instant activatedAt, String activatedBy, String action, String comment,
                                  String digest, String version, String previousDigest) {
}
