package io.tradecheck.api;

import static io.tradecheck.security.TestUsers.asChecker;
import static io.tradecheck.security.TestUsers.asEditor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.tradecheck.editing.PackFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, item 7: drafts are held in memory, so together they have a byte budget; a draft past it is refused with
 * 507 and a problem saying what to do, the drafts already made stay, and checks go on (before: the heap ran out, 500).
 */
@QuarkusTest
@TestProfile(DraftStorageFullTest.SmallDraftStore.class)
class DraftStorageFullTest {
    static final String DRAFTS = "/api/v1/rules/drafts";

    public static class SmallDraftStore implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path root = Files.createTempDirectory("tradecheck-drafts-full-");
                PackFixture.copyBundled(root.resolve("rules"));
                Map<String, String> config = new HashMap<>(new EditingProfile().getConfigOverrides());
                config.put("tradecheck.rules.dir", root.resolve("rules").toString());
                config.put("tradecheck.data.dir", root.resolve("data").toString());
                config.put("tradecheck.rules.watch", "false");
                config.put("tradecheck.drafts.keep", "20");
                // Room for two copies of the bundled pack, not three.
                config.put("tradecheck.drafts.max-bytes", String.valueOf(packBytes(root.resolve("rules")) * 5 / 2));
                return config;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static long packBytes(Path rules) throws IOException {
            try (var files = Files.walk(rules)) {
                return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
            }
        }
    }

    @Test
    void aDraftPastTheBudgetIs507TheOthersStayAndDeletingOneMakesRoom() {
        String first = RuleEditingResourceTest.newDraft();
        String second = RuleEditingResourceTest.newDraft();
        asEditor().contentType("application/zip").post(DRAFTS)
                .then().statusCode(507).contentType("application/problem+json")
                .body("title", equalTo("Draft storage full"))
                .body("detail", containsString("tradecheck.drafts.max-bytes"));
        asEditor().get(DRAFTS + "/" + first).then().statusCode(200);
        asEditor().get(DRAFTS + "/" + second).then().statusCode(200);
        asChecker().contentType("application/json").body(Payloads.read("checks/china-125-2025-04-15.json"))
                .post("/api/v1/checks").then().statusCode(200);

        asEditor().delete(DRAFTS + "/" + first).then().statusCode(204);
        RuleEditingResourceTest.newDraft();
    }
}
