package io.tradecheck.engine;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles a rule pack (tables + DRL) into an immutable {@link RuleSet}, at run time, with the classic engine. Every
 * problem found (table cells, DRL syntax, unknown groups) is collected and thrown together; nothing half-built escapes.
 */
public final class RulePackCompiler {
    private static final String RESOURCES = "src/main/resources/";
    private static final AtomicLong BUILDS = new AtomicLong();

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

        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        List<MeasureRow> allRows = new ArrayList<>();
        int tables = 0;
        int logicFiles = 0;
        for (RuleFile file : source.files()) {
            if (file.isDrl()) {
                String drl = DayLiterals.fold(file.path(), new String(file.content(), StandardCharsets.UTF_8), problems);
                kfs.write(RESOURCES + file.path(), drl);
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

        ReleaseId releaseId = ks.newReleaseId("io.tradecheck", "rule-pack",
                "1.0." + BUILDS.incrementAndGet() + "-" + System.nanoTime());
        kfs.generateAndWritePomXML(releaseId);
        ClassLoader classLoader = MeasureHit.class.getClassLoader();
        KieBuilder builder = ks.newKieBuilder(kfs, classLoader).buildAll();
        try {
            for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
                problems.add(new RulePackProblem(displayPath(m.getPath()), m.getLine(),
                        m.getColumn() > 0 ? String.valueOf(m.getColumn()) : null, m.getText().trim()));
            }
            if (!problems.isEmpty()) {
                throw new RulePackException(problems);
            }
            KieContainer container = ks.newKieContainer(releaseId, classLoader);
            KieBase kieBase = container.getKieBase();
            int logicRules = kieBase.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
            MeasureIndex index = new MeasureIndex(new MeasureRows(allRows));
            long compileMillis = (System.nanoTime() - started) / 1_000_000;
            // Each table row is a rule of the pack, evaluated through the index; the logic rules run in Drools.
            RuleSetInfo info = info(source, manifest, allRows, tables, logicFiles, allRows.size() + logicRules,
                    compileMillis);
            return new RuleSet(info, container, index, clock);
        } finally {
            // Each build registers a module in the global repository; leaving it there leaks one KieBase per reload.
            ks.getRepository().removeKieModule(releaseId);
        }
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

    /** Maps the KieFileSystem path back to the file a specialist edited. */
    private static String displayPath(String kiePath) {
        if (kiePath == null) {
            return null;
        }
        return kiePath.startsWith(RESOURCES) ? kiePath.substring(RESOURCES.length()) : kiePath;
    }
}
