package io.tradecheck.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Copies an uploaded order file to disk as it arrives, so a file of any size up to the limit costs a fixed buffer of
 * memory. Spooling first also means no client can deadlock the server by sending the whole body before it reads the
 * streamed answer, and an XLSX workbook (a ZIP package) gets the random access it needs.
 */
public final class UploadSpool {
    private final Path dir;
    private final long maxBytes;

    /** @param maxBytes the upload limit (quarkus.http.limits.max-body-size in the service) */
    public UploadSpool(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
    }

    /** @throws TooLarge (and deletes what it wrote) when the body passes the limit */
    public Path spool(InputStream body) throws IOException {
        Files.createDirectories(dir);
        Path file = Files.createTempFile(dir, "upload-", ".part");
        boolean kept = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = body.read(buffer)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new TooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
            }
            kept = true;
            return file;
        } finally {
            if (!kept) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Leftovers of uploads interrupted by a stop. */
    public void clean() throws IOException {
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                for (Path p : files.filter(p -> p.getFileName().toString().startsWith("upload-")).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    public static final class TooLarge extends IOException {
        public TooLarge(long maxBytes) {
            super("The order file is larger than the upload limit of " + maxBytes + " bytes "
                    + "(quarkus.http.limits.max-body-size); split it or use the command line");
        }
    }
}
