package io.tradecheck.security;

import io.quarkus.credentials.CredentialsProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The embedded H2 database's password: generated at first start into {@code <data dir>/h2.password} (0600), read from
 * there afterwards. A database made by an earlier version without a password keeps opening without one (a warning
 * says how to set one); its file is owner-only like the rest of the data folder. Not used with PostgreSQL, whose
 * credentials come from the environment.
 */
@ApplicationScoped
@Named(H2Credentials.NAME)
public class H2Credentials implements CredentialsProvider {
    public static final String NAME = "tradecheck-h2";
    private static final Logger LOG = Logger.getLogger(H2Credentials.class);

    @ConfigProperty(name = "tradecheck.data.dir")
    Path dataDir;

    @ConfigProperty(name = "quarkus.datasource.h2.username", defaultValue = "tradecheck")
    String user;

    private volatile String password;

    @Override
    public Map<String, String> getCredentials(String credentialsProviderName) {
        return Map.of(USER_PROPERTY_NAME, user, PASSWORD_PROPERTY_NAME, password());
    }

    synchronized String password() {
        if (password == null) {
            password = readOrCreate(dataDir);
        }
        return password;
    }

    static String readOrCreate(Path dataDir) {
        Path file = dataDir.resolve("h2.password");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            if (Files.exists(dataDir.resolve("tradecheck.mv.db"))) {
                LOG.warnf("The H2 database in %s was created without a password. To set one: stop the service, connect "
                        + "with the H2 shell and run ALTER USER TRADECHECK SET PASSWORD '<new>', then write <new> to %s "
                        + "(mode 0600). The data folder is readable by this account only.", dataDir, file);
                return "";
            }
            OwnerOnlyFiles.createDirectories(dataDir);
            String generated = SecretHash.randomSecret(24);
            OwnerOnlyFiles.write(file, generated.getBytes(StandardCharsets.UTF_8));
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the H2 password file " + file, e);
        }
    }
}
