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
 * Drafts in memory, at most {@code keep} of them: making one more forgets the least recently changed. Their files
 * together hold at most {@code maxBytes}: a draft or an edit that would go past it is refused
 * ({@link UploadRejectedException.Reason#STORE_FULL}, a 507) rather than running the heap out, and nobody's draft is
 * dropped to make room. Drafts are scratch work; what must survive a restart is the activated versions, kept by
 * {@link RuleHistory}.
 */
public final class DraftStore {
    private static final SecureRandom IDS = new SecureRandom();

    /** Bytes all drafts may hold together unless configured ({@code tradecheck.drafts.max-bytes}). */
    public static final long DEFAULT_MAX_BYTES = 256L << 20;

    private final int keep;
    private final long maxBytes;
    private final PackArchive.Limits limits;
    private final Clock clock;
    private final Map<String, Draft> drafts = new LinkedHashMap<>();
    private long bytes;

    public DraftStore(int keep, PackArchive.Limits limits, Clock clock) {
        this(keep, DEFAULT_MAX_BYTES, limits, clock);
    }

    public DraftStore(int keep, long maxBytes, PackArchive.Limits limits, Clock clock) {
        this.keep = Math.max(1, keep);
        this.maxBytes = maxBytes;
        this.limits = limits;
        this.clock = clock;
    }

    public PackArchive.Limits limits() {
        return limits;
    }

    public synchronized Draft create(Map<String, RuleFile> files, RuleVersion base, String by, String comment) {
        long size = files.values().stream().mapToLong(f -> f.content().length).sum();
        checkSize(size);
        // The least recently changed draft goes when the count is reached: its bytes make room too.
        long freed = drafts.size() >= keep ? oldest().map(Draft::bytes).orElse(0L) : 0;
        checkRoom(size - freed);
        String id;
        do {
            byte[] bytes = new byte[5];
            IDS.nextBytes(bytes);
            id = HexFormat.of().formatHex(bytes);
        } while (drafts.containsKey(id));
        var now = clock.instant();
        Draft draft = new Draft(id, now, now, by, comment, base.number(), base.digest(), files);
        put(draft);
        while (drafts.size() > keep) {
            oldest().ifPresent(oldest -> remove(oldest.id()));
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
        checkRoom(next.bytes() - draft.bytes());
        put(next);
        return Optional.of(next);
    }

    public synchronized boolean delete(String id) {
        return remove(id);
    }

    /** Bytes the drafts now hold together. */
    public synchronized long bytes() {
        return bytes;
    }

    private void put(Draft draft) {
        Draft before = drafts.put(draft.id(), draft);
        bytes += draft.bytes() - (before == null ? 0 : before.bytes());
    }

    private boolean remove(String id) {
        Draft gone = drafts.remove(id);
        if (gone != null) {
            bytes -= gone.bytes();
        }
        return gone != null;
    }

    private Optional<Draft> oldest() {
        return drafts.values().stream().min(Comparator.comparing(Draft::updatedAt));
    }

    private void checkRoom(long more) {
        if (more > 0 && bytes + more > maxBytes) {
            throw new UploadRejectedException(UploadRejectedException.Reason.STORE_FULL,
                    "the drafts in memory would hold " + (bytes + more) + " bytes, more than the " + maxBytes
                            + " allowed (tradecheck.drafts.max-bytes): delete or activate a draft you no longer need",
                    List.of());
        }
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
