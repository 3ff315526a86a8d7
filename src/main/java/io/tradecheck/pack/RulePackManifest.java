package io.tradecheck.pack;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Properties;

/**
 * rules/pack.properties: the pack's name, the version its editors gave it, and the last date up to which its content
 * was reviewed against the sources (a check dated later gets a notice that the content may be stale).
 */
public record RulePackManifest(String name, String version, LocalDate reviewedThrough) {
    public static final String FILE = "pack.properties";

    public static RulePackManifest read(RuleFile file, List<RulePackProblem> problems) {
        if (file == null) {
            problems.add(new RulePackProblem(FILE, 0, null, "missing: the pack needs name, version and reviewedThrough"));
            return new RulePackManifest("unnamed", "unversioned", null);
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(new String(file.content(), StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            problems.add(new RulePackProblem(FILE, 0, null, "unreadable: " + e.getMessage()));
        }
        String version = p.getProperty("version", "").trim();
        if (version.isEmpty()) {
            problems.add(new RulePackProblem(FILE, 0, "version", "must not be blank"));
        }
        LocalDate reviewed = null;
        String reviewedText = p.getProperty("reviewedThrough", "").trim();
        try {
            reviewed = LocalDate.parse(reviewedText);
        } catch (DateTimeParseException e) {
            problems.add(new RulePackProblem(FILE, 0, "reviewedThrough", "'" + reviewedText + "' is not a date yyyy-MM-dd"));
        }
        return new RulePackManifest(p.getProperty("name", "rule pack").trim(), version, reviewed);
    }
}
