package io.tradecheck.packaged;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged service ({@code target/quarkus-app}) as an operator runs it: a process on a free port of 127.0.0.1, on
 * its own copy of the rules and a data folder of the test's, with the test users. {@link #stop()} sends SIGTERM and
 * waits for the process to end; the same folders can be started again.
 */
public final class PackagedService implements AutoCloseable {
    public static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    public static final String CHECKER_KEY = "tc_test-checker-key";
    public static final String AUDITOR_KEY = "tc_test-auditor-key";
    /** HTTP Basic credentials of the test editor (there is no editor API key in the test users file). */
    public static final String EDITOR_BASIC = "Basic " + java.util.Base64.getEncoder()
            .encodeToString("test-editor:editor-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    private final Process process;
    private final int port;
    private final Path log;

    private PackagedService(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** A folder with a copy of the bundled rules ({@code rules/}) and an empty data folder ({@code data/}). */
    public static Path workspace(Path dir) throws IOException {
        Path rules = dir.resolve("rules");
        try (Stream<Path> files = Files.walk(Path.of("rules"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = rules.resolve(Path.of("rules").relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.createDirectories(dir.resolve("data"));
        return dir;
    }

    /** Starts the jar on {@code workspace}'s rules and data and waits until it is ready (at most 180 s). */
    public static PackagedService start(Path workspace, String name, String... properties) throws IOException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException("package the application first: " + JAR + " is missing");
        }
        int port = freePort();
        Path log = workspace.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                "-Dtradecheck.rules.dir=" + workspace.resolve("rules").toAbsolutePath(),
                "-Dtradecheck.data.dir=" + workspace.resolve("data").toAbsolutePath(),
                "-Dtradecheck.security.users-file=" + Path.of("src/test/resources/security/users.properties").toAbsolutePath(),
                "-Dtradecheck.security.generate-users=false"));
        for (String p : properties) {
            command.add("-D" + p);
        }
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        Process process = new ProcessBuilder(command).directory(workspace.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PackagedService service = new PackagedService(process, port, log);
        service.awaitReady(Duration.ofSeconds(180));
        return service;
    }

    public int port() {
        return port;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM, then waits for the process to end on its own; returns its exit code. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("the service did not stop within 90 s of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private void awaitReady(Duration timeout) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("service died at start:\n" + log());
                }
                try {
                    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url("/q/health/ready")))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        throw new IllegalStateException("service not ready within " + timeout + ":\n" + log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
