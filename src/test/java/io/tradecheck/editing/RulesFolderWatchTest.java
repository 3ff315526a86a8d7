package io.tradecheck.editing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesFolderWatchTest {
    @TempDir
    Path dir;

    @Test
    void aBurstOfWritesInAnyFolderIsReportedOnceTheFolderIsQuiet() throws Exception {
        Files.createDirectories(dir.resolve("us-import"));
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch called = new CountDownLatch(1);
        try (RulesFolderWatch watch = new RulesFolderWatch(dir, Duration.ofMillis(300), () -> {
            calls.incrementAndGet();
            called.countDown();
        }).start()) {
            for (int i = 0; i < 5; i++) {
                Files.writeString(dir.resolve("us-import/t.csv"), "edit " + i);
            }
            Files.createDirectories(dir.resolve("new-folder"));
            // Generous bound: only guards against a hang, the debounce is what is tested.
            assertTrue(called.await(30, TimeUnit.SECONDS), "no reload after the edits");
            // A file in a folder created after the watch started is seen too.
            Thread.sleep(50);
            int before = calls.get();
            Files.writeString(dir.resolve("new-folder/x.csv"), "new");
            for (int i = 0; i < 300 && calls.get() == before; i++) {
                Thread.sleep(100);
            }
            assertTrue(calls.get() > before, "edit in a new subfolder not seen");
        }
    }
}
