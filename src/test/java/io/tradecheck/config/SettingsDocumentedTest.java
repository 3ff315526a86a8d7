package io.tradecheck.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.WithDefault;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's settings table lists exactly the settings of {@link TradecheckConfig}, each with its default. */
class SettingsDocumentedTest {
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`(tradecheck\\.[^`]+)`\\s*\\|\\s*`([^`]*)`\\s*\\|",
            Pattern.MULTILINE);

    @Test
    void theReadmeTableMatchesTheConfigMapping() throws IOException {
        Map<String, String> documented = new TreeMap<>();
        Matcher m = ROW.matcher(Files.readString(Path.of("README.md")));
        while (m.find()) {
            documented.put(m.group(1), m.group(2));
        }
        Map<String, String> mapped = new TreeMap<>();
        collect(TradecheckConfig.class, "tradecheck.", mapped);
        assertEquals(mapped, documented);
    }

    private static void collect(Class<?> group, String prefix, Map<String, String> settings) {
        for (Method method : group.getDeclaredMethods()) {
            String name = prefix + method.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
            if (method.getReturnType().getEnclosingClass() == TradecheckConfig.class && method.getReturnType().isInterface()) {
                collect(method.getReturnType(), name + ".", settings);
            } else {
                WithDefault value = method.getAnnotation(WithDefault.class);
                settings.put(name, value == null ? "" : value.value());
            }
        }
    }
}
