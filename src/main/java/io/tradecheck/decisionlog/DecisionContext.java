package io.tradecheck.decisionlog;

import java.util.function.Supplier;

/**
 * Who a check is made for, and for which batch line, when that is not the HTTP caller of the current request: a batch
 * job works its lines on background threads, so it names its submitter and the line here around each check.
 */
public final class DecisionContext {
    record Context(String caller, String batchJob, Integer batchLine) {
    }

    private static final ThreadLocal<Context> CURRENT = new ThreadLocal<>();

    private DecisionContext() {
    }

    public static <T> T forBatchLine(String caller, String batchJob, int line, Supplier<T> check) {
        return with(new Context(caller, batchJob, line), check);
    }

    public static <T> T onBehalfOf(String caller, Supplier<T> check) {
        return with(new Context(caller, null, null), check);
    }

    static Context current() {
        return CURRENT.get();
    }

    private static <T> T with(Context context, Supplier<T> check) {
        Context previous = CURRENT.get();
        CURRENT.set(context);
        try {
            return check.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
