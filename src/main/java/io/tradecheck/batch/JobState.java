package io.tradecheck.batch;

/**
 * Where a batch job is. INTERRUPTED: the service was stopped (SIGTERM) while the job was queued or running; the lines
 * in flight were finished and written, and the job resumes after its last written line at the next start. LOST: the
 * service died (crash, kill -9) while the job was queued or running.
 */
public enum JobState {
    QUEUED,
    RUNNING,
    INTERRUPTED,
    DONE,
    FAILED,
    LOST;

    public boolean finished() {
        return this == DONE || this == FAILED || this == LOST;
    }
}
