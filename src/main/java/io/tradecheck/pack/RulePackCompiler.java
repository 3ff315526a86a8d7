package io.tradecheck.pack;

import io.tradecheck.engine.MeasureHit;
import io.tradecheck.engine.MeasureIndex;
import io.tradecheck.engine.MeasureRow;
import io.tradecheck.engine.MeasureRows;
import io.tradecheck.engine.RuleSet;
import io.tradecheck.engine.RuleSetInfo;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.drools.core.impl.RuleBaseFactory;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * Compiles a rule pack (tables + DRL) into an immutable {@link RuleSet}, at run time, with the classic engine. Every
 * problem found (table cells, DRL syntax, unknown groups) is collected and thrown together; nothing half-built escapes.
 */
public final class RulePackCompiler {

    /**
     * Consequences (the "then" part) are MVEL unless a rule says {@code dialect "java"}: no Java compiler run at load,
     * which took a cold compile of the logic rules from ~1.4 s to ~0.6 s. Logic consequences only insert and delete
     * facts, which MVEL does as well as Java; they fire only when measures interact, not on every check.
     */
    private static final Properties BUILDER_SETTINGS = new Properties();

    static {
        BUILDER_SETTINGS.setProperty("drools.dialect.default", "mvel");
    }

    private final Clock clock;

    public RulePackCompiler(Clock clock) {
        this.clock = clock;
    }

    public RulePackCompiler() {
        this(Clock.systemUTC());
    }

    public RuleSet compile(RulePackSource source) {
        long started = System.nanoTime();
        List<RulePackProblem> problems = new ArrayList<>();
        RulePackManifest manifest = RulePackManifest.read(find(source, RulePackManifest.FILE), problems);
        RuleFile groupsFile = find(source, "reference/country-groups.csv");
        Map<String, List<String>> groups = groupsFile == null ? Map.of()
                : CountryGroupsReader.read(groupsFile.path(), groupsFile.content(), problems);
        MeasureTableReader tableReader = new MeasureTableReader(groups);

        List<RuleFile> logic = new ArrayList<>();
        List<String> logicDrl = new ArrayList<>();
        List<MeasureRow> allRows = new ArrayList<>();
        int tables = 0;
        int logicFiles = 0;
        for (RuleFile file : source.files()) {
            if (file.isDrl()) {
                logic.add(file);
                logicDrl.add(DayLiterals.fold(file.path(), new String(file.content(), StandardCharsets.UTF_8), problems));
                logicFiles++;
            } else if (file.isTable()) {
                tables++;
                allRows.addAll(tableReader.read(file.path(), file.content(), problems));
            }
        }
        // Two rows of the same measure and scope in force on the same day: which one wins would be an accident.
        problems.addAll(TableWindowCheck.check(allRows, GapAcknowledgements.NONE).overlaps());
        if (logicFiles == 0) {
            problems.add(new RulePackProblem("logic/", 0, null, "no DRL logic file: stacking and exemptions would not apply"));
        }
        if (!problems.isEmpty()) {
            throw new RulePackException(problems);
        }

        // The knowledge builder directly, without a KieModule (no kmodule.xml, pom or repository): ~0.5 s less per compile.
        ClassLoader classLoader = MeasureHit.class.getClassLoader();
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(BUILDER_SETTINGS, classLoader));
        for (int i = 0; i < logic.size(); i++) {
            builder.add(ResourceFactory.newByteArrayResource(logicDrl.get(i).getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(logic.get(i).path()), ResourceType.DRL);
        }
        for (KnowledgeBuilderError error : builder.getErrors()) {
            int[] lines = error.getLines();
            problems.add(new RulePackProblem(error.getResource() == null ? null : error.getResource().getSourcePath(),
                    lines != null && lines.length > 0 ? lines[0] : 0, null, error.getMessage().trim()));
        }
        if (!problems.isEmpty()) {
            throw new RulePackException(problems);
        }
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(
                RuleBaseFactory.newKnowledgeBaseConfiguration(null, classLoader));
        kieBase.addPackages(builder.getKnowledgePackages());
        int logicRules = kieBase.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
        MeasureIndex index = new MeasureIndex(new MeasureRows(allRows));
        long compileMillis = (System.nanoTime() - started) / 1_000_000;
        // Each table row is a rule of the pack, evaluated through the index; the logic rules run in Drools.
        RuleSetInfo info = info(source, manifest, allRows, tables, logicFiles, allRows.size() + logicRules, compileMillis);
        return new RuleSet(info, kieBase, index, clock);
    }

    private RuleSetInfo info(RulePackSource source, RulePackManifest manifest, List<MeasureRow> rows, int tables,
                             int logicFiles, int ruleCount, long compileMillis) {
        LocalDate from = rows.stream().map(MeasureRow::from).min(LocalDate::compareTo).orElse(null);
        LocalDate to = rows.stream().flatMap(r -> java.util.stream.Stream.of(r.from(), r.to()))
                .filter(Objects::nonNull).max(LocalDate::compareTo).orElse(null);
        int scenarios = (int) source.files().stream().filter(RuleFile::isScenario).count();
        List<RuleSetInfo.FileInfo> files = source.files().stream()
                .map(f -> new RuleSetInfo.FileInfo(f.path(), f.kind(), f.sha256(), f.content().length)).toList();
        return new RuleSetInfo(manifest.name(), manifest.version(), source.digest(), Instant.now(clock), compileMillis,
                manifest.reviewedThrough(), from, to,
                new RuleSetInfo.Counts(source.files().size(), tables, rows.size(), logicFiles, ruleCount, scenarios),
                files);
    }

    private static RuleFile find(RulePackSource source, String path) {
        return source.files().stream().filter(f -> f.path().equals(path)).findFirst().orElse(null);
    }
}
