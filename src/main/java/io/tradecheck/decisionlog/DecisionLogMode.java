package io.tradecheck.decisionlog;

/** How the log trades safety for speed ({@code tradecheck.decision-log.mode}). */
public enum DecisionLogMode {
    /** A decision is committed to the log before its answer is sent (group commit keeps throughput). The default. */
    DURABLE,
    /** The answer goes out at once; the log is written in batches just after. A crash may lose the queued decisions. */
    ASYNC,
    /** Nothing is recorded (benchmarks, throw-away installs). */
    OFF
}
