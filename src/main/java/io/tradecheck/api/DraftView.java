package io.tradecheck.api;

import io.tradecheck.editing.Draft;
import io.tradecheck.pack.RuleFile;
import io.tradecheck.pack.RulePackSource;
import io.tradecheck.engine.RuleSetInfo;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A draft as the API shows it: its files, and what changed against the version it was made from.
 *
 * @param changes files added, modified and removed against the base version (empty lists when the base version is no
 *                longer in the history)
 */
public record DraftView(String id, Instant createdAt, Instant updatedAt, String by, String comment, int baseVersion,
                        String baseDigest, String digest, List<RuleSetInfo.FileInfo> files, Changes changes) {

    public record Changes(List<String> added, List<String> modified, List<String> removed) {
    }

    static DraftView of(Draft draft, RulePackSource base) {
        RulePackSource source = draft.source();
        List<RuleSetInfo.FileInfo> files = source.files().stream()
                .map(f -> new RuleSetInfo.FileInfo(f.path(), f.kind(), f.sha256(), f.content().length)).toList();
        Changes changes = new Changes(List.of(), List.of(), List.of());
        if (base != null) {
            Map<String, RuleFile> before = new java.util.HashMap<>();
            base.files().forEach(f -> before.put(f.path(), f));
            changes = new Changes(
                    source.files().stream().map(RuleFile::path).filter(p -> !before.containsKey(p)).toList(),
                    source.files().stream().filter(f -> before.containsKey(f.path())
                            && !Arrays.equals(before.get(f.path()).content(), f.content())).map(RuleFile::path).toList(),
                    base.files().stream().map(RuleFile::path).filter(p -> !draft.files().containsKey(p)).toList());
        }
        return new DraftView(draft.id(), draft.createdAt(), draft.updatedAt(), draft.by(), draft.comment(),
                draft.baseVersion(), draft.baseDigest(), source.digest(), files, changes);
    }
}
