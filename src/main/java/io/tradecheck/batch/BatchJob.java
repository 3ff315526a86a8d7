package io.tradecheck.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The status of an asynchronous batch job, as stored in its folder and shown by the API.
 *
 * @param linesTotal estimated before reading (see {@link LineEstimate}); exact once done; null when unknown
 * @param message    why a job FAILED, was LOST or INTERRUPTED
 * @param owner      who submitted it (user or API key name): only they, and auditors, see the job; null for jobs
 *                   recorded before owners were, which only auditors see
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchJob(String id, JobState state, OrderFormat format, String sheet, long linesDone, Long linesTotal,
                       Instant submittedAt, Instant startedAt, Instant finishedAt, String message,
                       String owner) {

    BatchJob withState(JobState next, Instant at, String why) {
        return new BatchJob(id, next, format, sheet, linesDone, linesTotal, submittedAt,
                next == JobState.RUNNING && startedAt == null ? at : startedAt,
                next.finished() || next == JobState.INTERRUPTED ? at : null, why, owner);
    }

    BatchJob withProgress(long done) {
        return new BatchJob(id, state, format, sheet, done, linesTotal, submittedAt, startedAt, finishedAt, message, owner);
    }

    /** Whether {@code caller} submitted this job. */
    public boolean ownedBy(String caller) {
        return owner != null && owner.equals(caller);
    }

    BatchJob done(long lines) {
        return new BatchJob(id, state, format, sheet, lines, lines, submittedAt, startedAt, finishedAt, message, owner);
    }
}
