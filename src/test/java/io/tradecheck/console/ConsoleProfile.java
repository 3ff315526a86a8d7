package io.tradecheck.console;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.tradecheck.editing.PackFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The service on a temporary copy of the bundled pack (activation and rollback rewrite the folder) with its own data. */
public class ConsoleProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            Path root = Files.createTempDirectory("tradecheck-console-");
            PackFixture.copyBundled(root.resolve("rules"));
            return Map.of(
                    "tradecheck.rules.dir", root.resolve("rules").toString(),
                    "tradecheck.data.dir", root.resolve("data").toString(),
                    "tradecheck.rules.watch", "false",
                    // The browser tests edit a rate in the grid without writing a scenario for the new row: the
                    // coverage gate (on by default, PackCheckDoorsTest) would refuse that draft; here it warns.
                    "tradecheck.rules.coverage", "warn");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
