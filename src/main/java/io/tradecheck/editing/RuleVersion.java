package io.tradecheck.editing;

import java.time.Instant;

/**
 * One version of the {@link RuleHistory}: every rule set that went live gets one, including a rollback (which
 * re-activates the files of an earlier version under a new number).
 *
 * @param number      sequence number, 1 for the first version ever activated; never reused
 * @param packVersion the version the editors wrote in pack.properties; when that name was already used for other
 *                    content, it carries the start of the digest ({@code 2026.11.28-2+sha256.1a2b3c4d5e6f})
 * @param digest      content digest of the files ({@code sha256:...}), as in every decision's {@code ruleSet.digest}
 * @param activatedAt when it went live
 * @param by          who activated it (the authenticated caller; "rules folder" for an in-place edit, "start-up" for
 *                    the folder read at start)
 * @param comment     why, in the activator's words
 * @param how         {@code START_UP}, {@code DRAFT}, {@code FOLDER_EDIT} or {@code ROLLBACK}
 * @param restoredFrom for a rollback, the number of the version whose files were restored
 */
public record RuleVersion(
        int number,
        String packVersion,
        String digest,
        Instant activatedAt,
        String by,
        String comment,
        How how,
        Integer restoredFrom,
        int files) {

    public enum How { START_UP, DRAFT, FOLDER_EDIT, ROLLBACK }
}
