package io.tradecheck.pack;

import io.tradecheck.editing.PackFixture;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Drafts the one pack check must refuse, made from the bundled pack: one that compiles but adds a row no scenario
 * exercises and changes a rate its scenarios state, and one with a row whose 'to' precedes its 'from'.
 */
public final class BadDrafts {
    public static final String FENTANYL = "us-import/ieepa-fentanyl-china.csv";
    /** A measure of its own, for a country and HS heading no scenario uses: nothing exercises it. */
    public static final String UNTESTED_ROW = "US-UNTESTED-ROW,RECIPROCAL,TARIFF,NZ,,US,0101,,,15,9903.01.99,2030-01-01,,,"
            + "Row nobody tested,Test,https://example.org,No scenario exercises this row.,,\n";

    private BadDrafts() {
    }

    /** The verdict without the compile time, the one field that differs between two runs of the same check. */
    public static PackVerdict timeless(PackVerdict v) {
        return new PackVerdict(v.valid(), v.packVersion(), v.digest(), null, v.errors(), v.warnings(), v.scenarios());
    }

    /** Compiles; fails a scenario (fentanyl 20% -> 25%) and the coverage gate (a new untested row). */
    public static Map<String, RuleFile> untestedRowAndFailingScenario(RulePackSource bundled) {
        Map<String, RuleFile> files = edit(bundled, PackFixture.RECIPROCAL, text -> text + UNTESTED_ROW);
        return edit(RulePackSource.of("draft", files.values().stream().toList()), FENTANYL,
                text -> text.replace(",20,9903.01.24,", ",25,9903.01.24,"));
    }

    /** Does not compile: line 2 of the fentanyl table ends before it starts. */
    public static Map<String, RuleFile> rowWithBadDate(RulePackSource bundled) {
        return edit(bundled, FENTANYL, text -> new String(PackFixture.brokenFentanylTable(
                text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
    }

    private static Map<String, RuleFile> edit(RulePackSource source, String path, UnaryOperator<String> change) {
        Map<String, RuleFile> files = new LinkedHashMap<>();
        for (RuleFile f : source.files()) {
            files.put(f.path(), f.path().equals(path) ? RulePackSource.file(path,
                    change.apply(new String(f.content(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)) : f);
        }
        return files;
    }
}
