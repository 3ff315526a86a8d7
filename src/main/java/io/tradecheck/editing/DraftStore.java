package io.tradecheck.editing;

import io.tradecheck.pack.RuleFile;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Drafts in memory, at most {@code keep} of them: making one more forgets the least recently changed. Drafts are
 * scratch work; what must survive a restart is the activated versions, kept by {@link RuleHistory}.
 */
public final class DraftStore {
    private static final SecureRandom IDS = new SecureRandom();

    private final int keep;
    private final PackArchive.Limits limits;
    private final Clock clock;
    private final Map<String, Draft> drafts = new LinkedHashMap<>();

    public DraftStore(int keep, PackArchive.Limits limits, Clock clock) {
        this.keep = Math.max(1, keep);
        this.limits = limits;
        this.clock = clock;
    }

    public PackArchive.Limits limits() {
        return limits;
    }

    public synchronized Draft create(Map<String, RuleFile> files, RuleVersion base, String by, String comment) {
        checkSize(files.values().stream().mapToLong(f -> f.content().length).sum());
        String id;
        do {
            byte[] bytes = new byte[5];
            IDS.nextBytes(bytes);
            id = HexFormat.of().formatHex(bytes);
        } while (drafts.containsKey(id));
        var now = clock.instant();
        Draft draft = new Draft(id, now, now, by, comment, base.number(), base.digest(), files);
        drafts.put(id, draft);
        while (drafts.size() > keep) {
            drafts.values().stream().min(Comparator.comparing(Draft::updatedAt))
                    .ifPresent(oldest -> drafts.remove(oldest.id()));
        }
        return draft;
    }

    public synchronized Optional<Draft> get(String id) {
        return Optional.ofNullable(drafts.get(id));
    }

    public synchronized List<Draft> list() {
        return drafts.values().stream().sorted(Comparator.comparing(Draft::createdAt)).toList();
    }

    /** Applies an edit to a draft; empty if there is no such draft. */
    public synchronized Optional<Draft> update(String id, UnaryOperator<Draft> edit) {
        Draft draft = drafts.get(id);
        if (draft == null) {
            return Optional.empty();
        }
        Draft next = edit.apply(draft);
        checkSize(next.bytes());
        drafts.put(id, next);
        return Optional.of(next);
    }

    public synchronized boolean delete(String id) {
        return drafts.remove(id) != null;
    }

    public Clock clock() {
        return clock;
    }

    private void checkSize(long bytes) {
        if (bytes > limits.maxTotalBytes()) {
            throw new UploadRejectedException(UploadRejectedException.Reason.TOO_LARGE,
                    "a draft may hold at most " + limits.maxTotalBytes() + " bytes", List.of());
        }
    }
}
