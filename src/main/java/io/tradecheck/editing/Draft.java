package io.tradecheck.editing;

import io.tradecheck.pack.RuleFile;
import io.tradecheck.pack.RulePackSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A rule pack being edited: files that are not live yet. Immutable; an edit makes a new draft with the same id.
 *
 * @param baseVersion number of the active version the draft was made from
 * @param baseDigest  digest of that version: activating a draft made from an older version would undo what was
 *                    activated since, so it needs {@code force}
 */
public record Draft(String id, Instant createdAt, Instant updatedAt, String by, String comment, int baseVersion,
                    String baseDigest, Map<String, RuleFile> files) {

    public Draft {
        files = Map.copyOf(files);
    }

    public RulePackSource source() {
        return RulePackSource.of("draft " + id, List.copyOf(files.values()));
    }

    public Draft withFile(RuleFile file, Instant at) {
        Map<String, RuleFile> next = new TreeMap<>(files);
        next.put(file.path(), file);
        return new Draft(id, createdAt, at, by, comment, baseVersion, baseDigest, next);
    }

    public Draft withoutFile(String path, Instant at) {
        Map<String, RuleFile> next = new TreeMap<>(files);
        next.remove(path);
        return new Draft(id, createdAt, at, by, comment, baseVersion, baseDigest, next);
    }

    public long bytes() {
        return files.values().stream().mapToLong(f -> f.content().length).sum();
    }
}
