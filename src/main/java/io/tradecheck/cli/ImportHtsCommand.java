package io.tradecheck.cli;

import io.tradecheck.schedule.HtsImporter;
import io.tradecheck.schedule.HtsRow;
import io.tradecheck.schedule.Nomenclature;
import io.tradecheck.schedule.RevisionDates;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tradecheck import hts FILE...}: merges USITC HTS JSON exports into the dated nomenclature of a rules folder
 * ({@code hts/}). Files go in by effective date; a revision already imported is skipped, so rerunning is safe.
 */
@Command(name = "hts", mixinStandardHelpOptions = true,
        description = {"Import USITC HTS revisions (JSON exports, .json or .json.gz, as downloaded from hts.usitc.gov) "
                + "into RULES/hts/: every line with its description, rates and Chapter 99 references, dated by the "
                + "revision's effective date; unchanged lines keep one interval.",
                "Each file's revision comes from its name (hts_2026_rev_11.json.gz -> 2026_rev_11); its effective date "
                        + "from --dates or --revision-date. Revisions must come after those already imported."})
class ImportHtsCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "USITC JSON exports")
    List<Path> files;

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules",
            description = "Rules folder to write hts/ into (default: ${DEFAULT-VALUE})")
    Path rulesDir;

    @Option(names = "--dates", paramLabel = "CSV",
            description = "Revision dates: CSV with the columns revision,effective_date (as usitc-hts/revision_dates.csv)")
    Path datesFile;

    @Option(names = "--revision-date", paramLabel = "REVISION=DATE",
            description = "Effective date of one revision, e.g. 2026_rev_11=2026-07-01 (wins over --dates)")
    Map<String, LocalDate> revisionDates = Map.of();

    @Option(names = "--revision", paramLabel = "NAME",
            description = "Revision of a single FILE whose name does not say it (e.g. 2026_rev_11 for a file saved as htsdata.json)")
    String revisionName;

    @Override
    public Integer call() throws IOException {
        if (revisionName != null && files.size() != 1) {
            System.err.println("error: --revision names the revision of one file; give one FILE");
            return ExitCodes.USAGE;
        }
        PrintStream out = System.out;
        RevisionDates dates = datesFile == null ? new RevisionDates(Map.of()) : RevisionDates.read(datesFile);
        revisionDates.forEach(dates::put);
        List<Pending> pending = new ArrayList<>();
        for (Path file : files) {
            String revision = revisionName != null ? revisionName : RevisionDates.revisionOf(file.getFileName().toString());
            if (revision == null) {
                System.err.println("error: " + file + ": cannot tell the revision from the name (expected "
                        + "hts_<year>_basic.json[.gz] or hts_<year>_rev_<n>.json[.gz])");
                return ExitCodes.USAGE;
            }
            LocalDate date = dates.effectiveDate(revision);
            if (date == null) {
                System.err.println("error: " + file + ": no effective date for revision " + revision
                        + " (add it to --dates or give --revision-date " + revision + "=yyyy-MM-dd)");
                return ExitCodes.USAGE;
            }
            pending.add(new Pending(file, revision, date));
        }
        pending.sort(Comparator.comparing(Pending::date));

        Path folder = rulesDir.resolve(Nomenclature.FOLDER);
        List<HtsRow> rows = new ArrayList<>();
        List<Nomenclature.Revision> revisions = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> list = Files.list(folder)) {
                for (Path p : list.sorted().toList()) {
                    String rel = Nomenclature.FOLDER + p.getFileName();
                    if (rel.equals(Nomenclature.REVISIONS_FILE)) {
                        revisions.addAll(Nomenclature.readRevisions(Files.readAllBytes(p)));
                    } else if (rel.endsWith(".csv")) {
                        rows.addAll(Nomenclature.readRows(rel, Files.readAllBytes(p)));
                    }
                }
            }
        }
        for (Pending p : pending) {
            HtsImporter.Export export;
            try {
                export = HtsImporter.read(p.file());
            } catch (IOException e) {
                System.err.println("error: " + p.file() + ": " + e.getMessage());
                return ExitCodes.UNREADABLE_FILE;
            }
            Nomenclature.Revision revision = new Nomenclature.Revision(p.revision(), p.date(),
                    p.file().getFileName().toString(), export.sha256(), export.rows().size());
            HtsImporter.Merged merged;
            try {
                merged = HtsImporter.merge(rows, revisions, revision, export.rows());
            } catch (IllegalArgumentException e) {
                System.err.println("error: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            boolean skipped = merged.revisions().size() == revisions.size();
            rows = merged.rows();
            revisions = merged.revisions();
            out.printf("%s (%s, in force from %s): %s%n", p.revision(), p.file().getFileName(), p.date(),
                    skipped ? "already imported, unchanged" : export.rows().size() + " rows, " + merged.opened()
                            + " opened, " + merged.closed() + " closed");
        }
        Files.createDirectories(folder);
        Map<String, byte[]> written = Nomenclature.write(rows, revisions);
        try (Stream<Path> list = Files.list(folder)) {
            for (Path old : list.toList()) {
                if (old.getFileName().toString().endsWith(".csv")
                        && !written.containsKey(Nomenclature.FOLDER + old.getFileName())) {
                    Files.delete(old);
                }
            }
        }
        long bytes = 0;
        for (Map.Entry<String, byte[]> f : written.entrySet()) {
            Files.write(rulesDir.resolve(f.getKey()), f.getValue());
            bytes += f.getValue().length;
        }
        out.printf("%s: %d rows in %d files (%,d bytes), %d revisions%n", folder, rows.size(), written.size(), bytes,
                revisions.size());
        return ExitCodes.OK;
    }

    private record Pending(Path file, String revision, LocalDate date) {
    }
}
