package io.tradecheck.api;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.tradecheck.editing.PackFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The service on a temporary copy of the bundled pack, with the folder watched (short debounce) and its own history,
 * so the editing tests can activate, roll back and edit files without touching rules/.
 */
public class EditingProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            Path root = Files.createTempDirectory("tradecheck-editing-");
            PackFixture.copyBundled(root.resolve("rules"));
            return Map.of(
                    "tradecheck.rules.dir", root.resolve("rules").toString(),
                    "tradecheck.data.dir", root.resolve("data").toString(),
                    "tradecheck.rules.watch", "true",
                    "tradecheck.rules.debounce", "200ms",
                    "tradecheck.drafts.keep", "5",
                    "tradecheck.upload.max-total-bytes", "8000000");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
