package io.tradecheck.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradecheck.engine.MeasureHit;
import io.tradecheck.engine.RuleSet;
import io.tradecheck.engine.RuleSetInfo;
import io.tradecheck.model.Decision;
import io.tradecheck.model.Outcome;
import io.tradecheck.model.Shipment;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulePackCompilerTest {
    static final Path BUNDLED = Path.of("rules");

    @TempDir
    Path dir;

    @Test
    void theBundledPackCompilesWithEveryTableRowAsARule() {
        RuleSet rules = new RulePackCompiler().compile(RulePackSource.fromDirectory(BUNDLED));
        RuleSetInfo info = rules.info();
        assertTrue(info.counts().tableRows() > 50, "rows: " + info.counts().tableRows());
        assertTrue(info.counts().rules() >= info.counts().tableRows(), "one rule or more per row");
        assertEquals(LocalDate.of(2018, 7, 6), info.contentFrom());
        assertTrue(info.digest().matches("sha256:[0-9a-f]{64}"));
    }

    @Test
    void aBrokenDrlFileIsRejectedWithItsFileAndLine() throws IOException {
        copyBundledPack();
        write("logic/broken.drl", """
                package tradecheck.logic;
                import io.tradecheck.engine.MeasureHit;

                rule "A rule with a syntax error"
                when
                    MeasureHit( kind == )
                then
                end
                """);
        RulePackException e = assertThrows(RulePackException.class, this::compileDir);
        RulePackProblem problem = e.problems().get(0);
        assertEquals("logic/broken.drl", problem.file());
        assertEquals(6, problem.line());
        assertTrue(e.getMessage().contains("logic/broken.drl:6"), e.getMessage());
    }

    @Test
    void aConsequenceThatCannotRunIsRejectedAtLoadNotAtTheFirstCheck() throws IOException {
        // Consequences are MVEL by default: strict mode must still catch an unknown class or method when the pack loads.
        copyBundledPack();
        write("logic/typo.drl", """
                package tradecheck.logic;
                import io.tradecheck.engine.MeasureHit;

                rule "A consequence with a typo"
                when
                    $hit : MeasureHit( kind == io.tradecheck.model.FindingKind.NOTICE )
                then
                    insert( new Supersedd( $hit, $hit, "typo" ) );
                end
                """);
        RulePackException e = assertThrows(RulePackException.class, this::compileDir);
        assertEquals("logic/typo.drl", e.problems().get(0).file());
        assertTrue(e.getMessage().contains("Supersedd"), e.getMessage());
    }

    @Test
    void aBadTableCellIsRejectedWithFileLineColumnAndReason() throws IOException {
        copyBundledPack();
        Path table = dir.resolve("us-import/ieepa-fentanyl-china.csv");
        List<String> lines = Files.readAllLines(table);
        lines.set(2, lines.get(2).replace(",20,9903.01.24,2025-03-04,", ",twenty,9903.01.24,2025-02-30,"));
        Files.write(table, lines);
        RulePackException e = assertThrows(RulePackException.class, this::compileDir);
        assertTrue(e.problems().contains(new RulePackProblem("us-import/ieepa-fentanyl-china.csv", 3, "rate",
                "'twenty' is not a number (write 125 or 7.5 for percent)")), e.getMessage());
        assertTrue(e.problems().stream().anyMatch(p -> p.line() == 3 && "from".equals(p.column())), e.getMessage());
    }

    @Test
    void tableProblemsAreAllReportedNotJustTheFirst() throws IOException {
        copyBundledPack();
        write("us-import/typos.csv", String.join(",", MeasureTableReader.COLUMNS) + "\n"
                + "X-1,FAM,TARIF,CN,,US,,,,10,,2025-01-01,,,t,lb,src,\n"
                + "X-2,FAM,TARIFF,ZZ,,US,123,,,10,,2025-05-01,2025-04-01,,t,lb,src,\n");
        RulePackException e = assertThrows(RulePackException.class, this::compileDir);
        List<String> where = e.problems().stream().map(p -> p.line() + ":" + p.column()).toList();
        assertTrue(where.containsAll(List.of("2:kind", "3:origin", "3:hsPrefix", "3:to")), where.toString());
    }

    @Test
    void anUnknownHeaderColumnIsRejected() throws IOException {
        copyBundledPack();
        write("us-import/extra.csv", "measureId,family,kind,orgin,rate,from,title,legalBasis,source\n"
                + "X-1,FAM,TARIFF,CN,10,2025-01-01,t,lb,src\n");
        RulePackException e = assertThrows(RulePackException.class, this::compileDir);
        assertTrue(e.problems().stream().anyMatch(p -> "orgin".equals(p.column()) && p.line() == 1), e.getMessage());
    }

    @Test
    void aSemicolonSeparatedTableWithBomIsRead() throws IOException {
        copyBundledPack();
        String csv = "\uFEFF" + String.join(";", MeasureTableReader.COLUMNS) + "\n"
                + "TEST-DE;TEST-DE;TARIFF;DE;;US;950662;;;7,5;;2025-01-01;;;Test;Test basis;https://example.org;\n";
        write("us-import/semicolons.csv", csv.replace("7,5", "7.5"));
        RuleSet rules = compileDir();
        Decision d = rules.check(new Shipment(null, "DE", null, "US", "9506624040", null, BigDecimal.valueOf(200),
                "EUR", null, LocalDate.of(2025, 3, 1), null));
        assertEquals(Outcome.DUTIABLE, d.decision());
        assertEquals(0, new BigDecimal("7.5").compareTo(d.additionalDutyRate()));
        assertEquals(new BigDecimal("15.00"), d.additionalDuty());
    }

    @Test
    void theDigestFollowsTheContentNotTheFolder() throws IOException {
        copyBundledPack();
        String bundled = RulePackSource.fromDirectory(BUNDLED).digest();
        assertEquals(bundled, RulePackSource.fromDirectory(dir).digest());
        write("README.md", "docs do not change the digest");
        assertEquals(bundled, RulePackSource.fromDirectory(dir).digest());
        write("pack.properties", "name=x\nversion=2\nreviewedThrough=2026-01-01\n");
        assertNotEquals(bundled, RulePackSource.fromDirectory(dir).digest());
    }

    @Test
    void aMissingRulesFolderIsAClearError() {
        RulePackException e = assertThrows(RulePackException.class,
                () -> RulePackSource.fromDirectory(dir.resolve("nope")));
        assertTrue(e.getMessage().contains("rules folder not found"), e.getMessage());
    }

    private RuleSet compileDir() {
        return new RulePackCompiler().compile(RulePackSource.fromDirectory(dir));
    }

    private void write(String path, String content) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
    }

    private void copyBundledPack() throws IOException {
        copy(BUNDLED, dir);
    }

    /** Copies a rules folder, e.g. the bundled pack into a temporary folder a test may edit. */
    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path src : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(src).toString());
                Files.createDirectories(target.getParent());
                Files.copy(src, target);
            }
        }
    }
}
