package io.tradecheck.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The status of an asynchronous batch job, as stored in its folder and shown by the API.
 *
 * @param linesTotal estimated before reading (see {@link LineEstimate}); exact once done; null when unknown
 * @param message    why a job FAILED, was LOST or INTERRUPTED
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchJob(String id, JobState state, OrderFormat format, String sheet, long linesDone, Long linesTotal,
                       Instant submittedAt, Instant startedAt, Instant finishedAt, String message) {

    BatchJob withState(JobState next, Instant at, String why) {
        return new BatchJob(id, next, format, sheet, linesDone, linesTotal, submittedAt,
                next == JobState.RUNNING && startedAt == null ? at : startedAt,
                next.finished() || next == JobState.INTERRUPTED ? at : null, why);
    }

    BatchJob withProgress(long done) {
        return new BatchJob(id, state, format, sheet, done, linesTotal, submittedAt, startedAt, finishedAt, message);
    }

    BatchJob done(long lines) {
        return new BatchJob(id, state, format, sheet, lines, lines, submittedAt, startedAt, finishedAt, message);
    }
}
