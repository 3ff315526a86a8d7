package io.tradecheck.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a rule set is made of, for {@code GET /api/v1/rules} and the command line.
 *
 * @param contentFrom earliest date any table row starts
 * @param contentTo   latest date any table row starts or ends
 */
public record RuleSetInfo(
        String name,
        String version,
        String digest,
        Instant loadedAt,
        long compileMillis,
        LocalDate reviewedThrough,
        LocalDate contentFrom,
        LocalDate contentTo,
        Counts counts,
        List<FileInfo> files) {

    public record Counts(int files, int tables, int tableRows, int logicFiles, int rules, int scenarioFiles) {
    }

    public record FileInfo(String path, String kind, String sha256, int bytes) {
    }
}
