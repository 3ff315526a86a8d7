package io.tradecheck.security;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The users and API keys, with their roles and hashed secrets, as a properties file an operator can edit:
 * <pre>
 * user.anna=checker,auditor|pbkdf2-sha256:600000:&lt;salt&gt;:&lt;hash&gt;
 * apikey.erp-system=checker|sha256:&lt;hex of the key&gt;
 * </pre>
 */
public record UsersFile(Map<String, Entry> users, Map<String, Entry> apiKeys) {

    /** One user or key: its name (the caller recorded in the decision log), roles and hashed secret. */
    public record Entry(String name, Set<String> roles, String secretHash) {
    }

    public static UsersFile read(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read users file " + file, e);
        }
        Map<String, Entry> users = new TreeMap<>();
        Map<String, Entry> keys = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            String value = p.getProperty(key);
            int bar = value.lastIndexOf('|');
            if (bar < 0) {
                throw new IllegalArgumentException("users file " + file + ": '" + key + "' must be roles|hash");
            }
            Set<String> roles = new LinkedHashSet<>();
            Arrays.stream(value.substring(0, bar).split(",")).map(String::trim).filter(r -> !r.isEmpty()).forEach(roles::add);
            String hash = value.substring(bar + 1).trim();
            if (key.startsWith("user.")) {
                String name = key.substring(5);
                users.put(name, new Entry(name, Set.copyOf(roles), hash));
            } else if (key.startsWith("apikey.")) {
                String name = key.substring(7);
                keys.put(hash, new Entry(name, Set.copyOf(roles), hash));
            } else {
                throw new IllegalArgumentException("users file " + file + ": '" + key + "' must start with user. or apikey.");
            }
        }
        return new UsersFile(Map.copyOf(users), Map.copyOf(keys));
    }

    /** Writes the file readable by its owner only (where the file system has POSIX permissions). */
    public static void write(Path file, List<Entry> users, List<Entry> apiKeys, String header) {
        List<String> lines = new ArrayList<>();
        header.lines().forEach(l -> lines.add("# " + l));
        users.forEach(u -> lines.add("user." + u.name() + "=" + String.join(",", u.roles()) + "|" + u.secretHash()));
        apiKeys.forEach(k -> lines.add("apikey." + k.name() + "=" + String.join(",", k.roles()) + "|" + k.secretHash()));
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // Windows: the folder's ACL applies.
            }
            Files.move(tmp, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write users file " + file, e);
        }
    }
}
