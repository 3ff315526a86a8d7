package io.tradecheck.editing;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Watches the rules folder and its subfolders and calls {@code onChange} once the folder has been quiet for the
 * debounce time: a spreadsheet saves a file in several writes, and a specialist often saves several files in a row.
 * Runs on its own thread, never on a request thread; {@code onChange} is expected to compile and swap.
 */
public final class RulesFolderWatch implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RulesFolderWatch.class);

    private final Path root;
    private final Duration debounce;
    private final Runnable onChange;
    private final WatchService service;
    private final Thread thread;

    public RulesFolderWatch(Path root, Duration debounce, Runnable onChange) {
        this.root = root;
        this.debounce = debounce;
        this.onChange = onChange;
        try {
            this.service = FileSystems.getDefault().newWatchService();
            registerTree(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch the rules folder " + root, e);
        }
        this.thread = new Thread(this::run, "rules-folder-watch");
        this.thread.setDaemon(true);
    }

    public RulesFolderWatch start() {
        thread.start();
        LOG.infof("Watching %s for rule edits (debounce %d ms)", root.toAbsolutePath().normalize(), debounce.toMillis());
        return this;
    }

    private void run() {
        boolean pending = false;
        long quietSince = 0;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key;
                if (pending) {
                    long wait = debounce.toNanos() - (System.nanoTime() - quietSince);
                    key = wait > 0 ? service.poll(wait, TimeUnit.NANOSECONDS) : null;
                } else {
                    key = service.take();
                }
                if (key != null) {
                    for (WatchEvent<?> event : key.pollEvents()) {
                        if (event.kind() == ENTRY_CREATE && key.watchable() instanceof Path parent
                                && event.context() instanceof Path name && Files.isDirectory(parent.resolve(name))) {
                            registerTree(parent.resolve(name));
                        }
                    }
                    key.reset();
                    pending = true;
                    quietSince = System.nanoTime();
                } else if (pending && System.nanoTime() - quietSince >= debounce.toNanos()) {
                    pending = false;
                    try {
                        onChange.run();
                    } catch (RuntimeException e) {
                        LOG.error("Reloading the rules folder failed", e);
                    }
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closing
        } catch (IOException e) {
            LOG.error("Watching the rules folder stopped", e);
        }
    }

    private void registerTree(Path dir) throws IOException {
        try (Stream<Path> dirs = Files.walk(dir)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                d.register(service, new WatchEvent.Kind<?>[] {ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE, OVERFLOW});
            }
        }
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            service.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
