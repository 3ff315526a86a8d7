package io.tradecheck.batch;

import io.tradecheck.engine.RuleSet;
import io.tradecheck.engine.ShipmentChecker;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Validates order files against the rule set in force: each line validated and checked as the pre-check API does it
 * ({@link LineChecker}), streamed in order ({@link BatchPipeline}). The rule set is taken once per file, so one file
 * is decided on one rule-set version. Thread-safe; one instance serves every batch.
 */
public final class BatchValidator {
    private final ShipmentChecker checker;
    private final Validator validator;
    private final BatchPipeline pipeline;

    public BatchValidator(ShipmentChecker checker, Validator validator, Executor executor, int parallelism) {
        this.checker = checker;
        this.validator = validator;
        this.pipeline = new BatchPipeline(executor, parallelism);
    }

    public BatchSummary validate(OrderReader reader, ResultWriter writer, LongConsumer progress) throws IOException {
        return validate(reader, writer, progress, null);
    }

    /** @param origin the caller and job id the decision log records for each line; null for none */
    public BatchSummary validate(OrderReader reader, ResultWriter writer, LongConsumer progress, BatchOrigin origin)
            throws IOException {
        RuleSet ruleSet = checker.rules().current();
        LineChecker lines = new LineChecker(checker, validator, ruleSet, origin);
        return pipeline.runChunks(reader, lines::applyAll, writer, new BatchSummary.Tally(ruleSet.ref()), 0, () -> false,
                progress);
    }

    /**
     * Continues a job stopped part-way: the first {@code done.lines()} lines of the file are read past (their results
     * are already written and counted in {@code done}); the rest are checked on the rule set in force now.
     *
     * @throws BatchPipeline.Stopped when {@code stop} turned true before the end of the file
     */
    public BatchSummary resume(OrderReader reader, ResultWriter writer, BatchSummary.Tally done, BooleanSupplier stop,
                               LongConsumer progress, BatchOrigin origin) throws IOException {
        RuleSet ruleSet = checker.rules().current();
        LineChecker lines = new LineChecker(checker, validator, ruleSet, origin);
        return pipeline.runChunks(reader, lines::applyAll, writer, done.on(ruleSet.ref()), done.lines(), stop, progress);
    }

    public BatchSummary validate(OrderReader reader, ResultWriter writer) throws IOException {
        return validate(reader, writer, done -> { });
    }
}
