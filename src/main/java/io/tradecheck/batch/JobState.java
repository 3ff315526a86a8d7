package io.tradecheck.batch;

/** Where a batch job is. LOST: the service stopped (restart or crash) while the job was queued or running. */
public enum JobState {
    QUEUED,
    RUNNING,
    DONE,
    FAILED,
    LOST;

    public boolean finished() {
        return this == DONE || this == FAILED || this == LOST;
    }
}
