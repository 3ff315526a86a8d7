package io.tradecheck.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands and sample outputs of README.md, rules/README.md and docs/*.md run, as a new user would run them, against the packaged
 * service started with a fresh data folder (so it generates its users and prints their credentials, which the
 * snippets use as {@code $KEY}, {@code $CHECKER_PASSWORD}, {@code $EDITOR_PASSWORD}, {@code $AUDITOR_PASSWORD}).
 * A fenced block marked with {@code <!-- check: run -->} on the line before runs in bash (the blocks of one file in
 * one session, so a later block can use a variable an earlier one set); a block marked {@code <!-- check: output -->}
 * must equal what the last run block printed: JSON compared as JSON, ignoring the values that differ on every run
 * (ids, digests, times), anything else line by line. See docs/api-contract.md.
 */
class DocSnippetsIT {
    static final Pattern MARKED = Pattern.compile(
            "<!-- check: (run|output) -->\\s*\\n```(\\w*)[^\\n]*\\n(.*?)\\n```", Pattern.DOTALL);
    static final Set<String> VOLATILE = Set.of("decisionId", "id", "digest", "baseDigest", "activatedAt", "decidedAt",
            "loadedAt", "compileMillis", "millis", "rowsPerSecond", "createdAt", "updatedAt", "submittedAt", "startedAt",
            "finishedAt", "sha256");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Block(String kind, String language, String text) {
    }

    @Test
    void everyMarkedCommandRunsAndPrintsWhatTheDocsShow() throws Exception {
        List<Path> docs = new ArrayList<>(List.of(Path.of("README.md"), Path.of("rules", "README.md")));
        try (Stream<Path> files = Files.list(Path.of("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        Path workspace = PackagedService.workspace(dir);
        copyTree(Path.of("examples"), workspace.resolve("examples"));
        copyTree(Path.of("src/test/resources"), workspace.resolve("src/test/resources"));
        int checkedBlocks = 0;
        List<String> failures = new ArrayList<>();
        try (PackagedService service = PackagedService.start(workspace, "docs",
                "tradecheck.security.users-file=" + workspace.resolve("data/users.properties").toAbsolutePath(),
                "tradecheck.security.generate-users=true")) {
            Map<String, String> credentials = credentials(service.log());
            for (Path doc : docs) {
                List<Block> blocks = blocks(Files.readString(doc));
                if (blocks.isEmpty()) {
                    continue;
                }
                List<String> outputs = runAll(blocks, workspace, service, credentials, doc, failures);
                int run = -1;
                for (Block b : blocks) {
                    if (b.kind().equals("run")) {
                        run++;
                        checkedBlocks++;
                    } else if (run >= 0 && run < outputs.size()) {
                        checkedBlocks++;
                        String mismatch = compare(b, outputs.get(run));
                        if (mismatch != null) {
                            failures.add(doc + ", output after run block " + (run + 1) + ": " + mismatch);
                        }
                    }
                }
            }
        }
        System.out.printf("docs: %d marked blocks run or compared in %d files%n", checkedBlocks, docs.size());
        assertTrue(checkedBlocks > 0, "no marked blocks found");
        assertEquals(List.of(), failures);
    }

    static List<Block> blocks(String markdown) {
        List<Block> blocks = new ArrayList<>();
        Matcher m = MARKED.matcher(markdown);
        while (m.find()) {
            blocks.add(new Block(m.group(1), m.group(2), m.group(3)));
        }
        return blocks;
    }

    /** Runs the file's run blocks in one bash session; returns what each printed. */
    private List<String> runAll(List<Block> blocks, Path workspace, PackagedService service,
                                Map<String, String> credentials, Path doc, List<String> failures) throws Exception {
        String separator = "=====SNIPPET-END=====";
        // A command that fails, or a curl answered with an HTTP error, stops the file's run: the docs show only what works.
        StringBuilder script = new StringBuilder("set -euo pipefail\ncurl() { command curl --fail-with-body \"$@\"; }\n");
        int runs = 0;
        for (Block b : blocks) {
            if (b.kind().equals("run")) {
                String text = b.text().replace("localhost:8080", "127.0.0.1:" + service.port())
                        .replace("checker:PASSWORD-FROM-THE-LOG", "$CHECKER_USER:$CHECKER_PASSWORD")
                        .replace("rule-editor:$EDITOR_PASSWORD", "$EDITOR_USER:$EDITOR_PASSWORD")
                        .replace("auditor:$AUDITOR_PASSWORD", "$AUDITOR_USER:$AUDITOR_PASSWORD")
                        .replace("checker:$CHECKER_PASSWORD", "$CHECKER_USER:$CHECKER_PASSWORD")
                        .replace("PASSWORD-FROM-THE-LOG", "$CHECKER_PASSWORD");
                script.append(text).append("\necho\necho '").append(separator).append("'\n");
                runs++;
            }
        }
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", script.toString()).directory(workspace.toFile())
                .redirectErrorStream(false);
        bash.environment().putAll(credentials);
        Process p = bash.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(300, TimeUnit.SECONDS);
        List<String> outputs = new ArrayList<>(List.of(out.split("\n?" + separator + "\n", -1)));
        if (outputs.size() < runs + 1) {
            failures.add(doc + ": only " + (outputs.size() - 1) + " of " + runs + " run blocks finished; stderr:\n" + err);
        }
        return outputs;
    }

    private static String compare(Block expected, String actual) throws IOException {
        // The generated user names carry a random suffix (rule-editor-3fa9c1); the docs show the role's name.
        String got = actual.strip().replaceAll("\\b(checker|rule-editor|auditor)-[0-9a-f]{6}\\b", "$1");
        if (expected.language().equals("json")) {
            JsonNode want;
            JsonNode have;
            try {
                want = JSON.readTree(expected.text());
            } catch (IOException e) {
                return "the sample is not JSON: " + e.getMessage();
            }
            try {
                have = JSON.readTree(got);
            } catch (IOException e) {
                return "the command did not print JSON: " + got;
            }
            String diff = diff("$", want, have);
            return diff == null ? null : diff + "\nprinted: " + got;
        }
        return expected.text().strip().equals(got) ? null : "expected:\n" + expected.text().strip() + "\nprinted:\n" + got;
    }

    /** The first difference, with its JSON path; values of volatile fields only need to be present. */
    static String diff(String path, JsonNode want, JsonNode have) {
        if (want.isObject()) {
            if (!have.isObject()) {
                return path + ": expected an object, got " + have;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (!have.has(f.getKey())) {
                    return path + "." + f.getKey() + ": missing";
                }
                if (VOLATILE.contains(f.getKey())) {
                    continue;
                }
                String d = diff(path + "." + f.getKey(), f.getValue(), have.get(f.getKey()));
                if (d != null) {
                    return d;
                }
            }
            List<String> extra = new ArrayList<>();
            have.fieldNames().forEachRemaining(n -> {
                if (!want.has(n)) {
                    extra.add(n);
                }
            });
            return extra.isEmpty() ? null : path + ": not in the sample: " + extra;
        }
        if (want.isArray()) {
            if (!have.isArray() || have.size() != want.size()) {
                return path + ": expected " + want.size() + " items, got " + (have.isArray() ? have.size() : have);
            }
            for (int i = 0; i < want.size(); i++) {
                String d = diff(path + "[" + i + "]", want.get(i), have.get(i));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (want.isNumber() && have.isNumber()) {
            return want.decimalValue().compareTo(have.decimalValue()) == 0 ? null : path + ": " + want + " != " + have;
        }
        return want.equals(have) ? null : path + ": expected " + want + ", got " + have;
    }

    /** The credentials the service printed at its first start. */
    static Map<String, String> credentials(String log) {
        Map<String, String> env = new java.util.HashMap<>();
        Matcher user = Pattern.compile("user (\\S+)\\s+password (\\S+)").matcher(log);
        while (user.find()) {
            // Generated user names carry a random suffix (checker-3fa9c1): the docs say "checker", the run uses the real name.
            String role = user.group(1).replaceFirst("-[0-9a-f]{6}$", "").toUpperCase().replace("RULE-", "");
            env.put(role + "_PASSWORD", user.group(2));
            env.put(role + "_USER", user.group(1));
        }
        Matcher key = Pattern.compile("API key \\(role checker[^:]*: (\\S+)").matcher(log);
        if (key.find()) {
            env.put("KEY", key.group(1));
        }
        assertTrue(env.containsKey("KEY") && env.containsKey("EDITOR_PASSWORD"), "no credentials in the log:\n" + log);
        return env;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
    }
}
