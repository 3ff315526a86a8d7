package io.tradecheck.editing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradecheck.pack.RuleFile;
import io.tradecheck.pack.RulePackSource;
import io.tradecheck.model.CheckRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Edits the tests make to the bundled pack, derived from its current files so the tests follow the pack as it grows.
 * The edit a specialist makes in the worked example: the Annex I reciprocal rate for Japan on 9 April 2025 (24%,
 * no scenario depends on it) changed to another rate.
 */
public final class PackFixture {
    public static final Path BUNDLED = Path.of("rules");
    public static final String RECIPROCAL = "us-import/reciprocal.csv";
    /** The scenario that pins Japan's 9 April 2025 rate: a specialist who changes the rate updates it too. */
    public static final String SCENARIO = "scenarios/reciprocal-baseline-and-april-rates.yaml";
    private static final Pattern JP_SCENARIO = Pattern.compile(
            "(Goods of Japan entered on 9 April 2025 owe the Annex I rate of )\\d+(% in lieu.*?additionalDutyRate: )\\d+(.*?US-RECIPROCAL-JP-APRIL, kind: TARIFF, rate: )\\d+",
            Pattern.DOTALL);
    private static final String JP_ROW = ",%s,9903.01.53,2025-04-09,2025-04-09,";

    private PackFixture() {
    }

    /** A Japanese soccer ball entered on 9 April 2025: owes the Japan Annex I rate of that day. */
    public static CheckRequest japaneseBall(String reference) {
        return new CheckRequest(reference, "JP", "US", null, "9506.62.40.40", null, null, new BigDecimal("1000"), "USD",
                null, "2025-04-09", null, null, null, null, null, null);
    }

    public static void copyBundled(Path to) {
        try (Stream<Path> files = Files.walk(BUNDLED)) {
            for (Path src : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(BUNDLED.relativize(src).toString());
                Files.createDirectories(target.getParent());
                Files.copy(src, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reciprocal table with Japan's 9 April 2025 rate set to {@code rate}. */
    public static byte[] reciprocalWithJapanRate(byte[] reciprocal, int rate) {
        String text = new String(reciprocal, StandardCharsets.UTF_8);
        String edited = text.replaceFirst(",\\d+(\\.\\d+)?,9903\\.01\\.53,2025-04-09,2025-04-09,", String.format(JP_ROW, rate));
        assertTrue(edited.contains(String.format(JP_ROW, rate)), "the bundled pack no longer has the JP row this test edits");
        return edited.getBytes(StandardCharsets.UTF_8);
    }

    /** The scenario file with the expectations for Japan's 9 April 2025 rate set to {@code rate}. */
    public static byte[] scenarioWithJapanRate(byte[] scenario, int rate) {
        String text = new String(scenario, StandardCharsets.UTF_8);
        Matcher m = JP_SCENARIO.matcher(text);
        assertTrue(m.find(), "the bundled pack no longer has the JP scenario this test edits");
        String edited = m.replaceFirst("$1" + rate + "$2" + rate + "$3" + rate);
        return edited.getBytes(StandardCharsets.UTF_8);
    }

    public static void setJapanRate(Path rulesDir, int rate) {
        try {
            Path scenario = rulesDir.resolve(SCENARIO);
            Files.write(scenario, scenarioWithJapanRate(Files.readAllBytes(scenario), rate));
            Path table = rulesDir.resolve(RECIPROCAL);
            Files.write(table, reciprocalWithJapanRate(Files.readAllBytes(table), rate));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files of a pack with Japan's rate changed. */
    public static Map<String, RuleFile> withJapanRate(RulePackSource source, int rate) {
        Map<String, RuleFile> files = new LinkedHashMap<>();
        for (RuleFile f : source.files()) {
            files.put(f.path(), f.path().equals(RECIPROCAL)
                    ? RulePackSource.file(f.path(), reciprocalWithJapanRate(f.content(), rate))
                    : f.path().equals(SCENARIO) ? RulePackSource.file(f.path(), scenarioWithJapanRate(f.content(), rate)) : f);
        }
        return files;
    }

    /** A row whose 'to' precedes its 'from', on line 2 of the fentanyl table. */
    public static byte[] brokenFentanylTable(byte[] table) {
        String text = new String(table, StandardCharsets.UTF_8);
        String edited = text.replaceFirst(",2025-02-04,2025-03-03,", ",2025-02-04,2025-01-03,");
        assertTrue(!edited.equals(text), "the bundled pack no longer has the fentanyl row this test breaks");
        return edited.getBytes(StandardCharsets.UTF_8);
    }
}
