package io.tradecheck.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.annotation.Priority;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * At start-up, closes the data folder ({@code tradecheck.data.dir}: decision log, results, rule versions, users) to
 * the service's own account (folder 0700, files 0600). New files are created owner-only by their writers; the
 * embedded database creates its files with the process umask, and the closed folder keeps them private too.
 */
@ApplicationScoped
public class DataFolderPermissions {
    private static final Logger LOG = Logger.getLogger(DataFolderPermissions.class);

    @ConfigProperty(name = "tradecheck.data.dir")
    Path dataDir;

    void onStart(@Observes @Priority(1) StartupEvent event) {
        try {
            int changed = OwnerOnlyFiles.restrictTree(dataDir);
            if (changed > 0) {
                LOG.infof("Data folder %s: %d file(s) or folder(s) made readable by this account only (0600/0700)",
                        dataDir.toAbsolutePath().normalize(), changed);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict the data folder " + dataDir + " to this account", e);
        }
    }
}
