package io.tradecheck.cli;

import io.tradecheck.batch.BatchSummary;
import io.tradecheck.batch.LineResult;
import io.tradecheck.model.Outcome;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * The outcomes that stop a pipeline ({@code check-file --fail-on}). By default a line that cannot be shipped as is
 * (PROHIBITED), cannot be shipped without a licence (LICENSE_REQUIRED) or could not be checked (ERROR) fails the run.
 */
record GatingOutcomes(Set<String> outcomes) {
    static final String NONE = "NONE";
    static final String DEFAULT = "PROHIBITED,LICENSE_REQUIRED,ERROR";

    static GatingOutcomes of(List<String> outcomes) {
        return new GatingOutcomes(outcomes.stream().filter(o -> !NONE.equals(o))
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    static List<String> defaults() {
        return List.of(DEFAULT.split(","));
    }

    boolean blocks(BatchSummary summary) {
        return outcomes.stream().anyMatch(o -> summary.decisions().getOrDefault(o, 0L) > 0);
    }

    /** Accepts the outcome names in any case, and says which ones exist when given another. */
    static final class Converter implements CommandLine.ITypeConverter<String> {
        private static final List<String> KNOWN = Stream.concat(
                Arrays.stream(Outcome.values()).map(Enum::name), Stream.of(LineResult.ERROR, NONE)).toList();

        @Override
        public String convert(String value) {
            String name = value.trim().toUpperCase(Locale.ROOT);
            if (!KNOWN.contains(name)) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not an outcome; use one of " + KNOWN);
            }
            return name;
        }
    }
}
