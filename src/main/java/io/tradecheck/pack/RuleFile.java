package io.tradecheck.pack;

/**
 * One file of a rule pack as it was read: path relative to the rules folder (always with '/'), content, SHA-256.
 */
public record RuleFile(String path, byte[] content, String sha256) {

    public boolean isTable() {
        return (path.endsWith(".csv") || path.endsWith(".xlsx")) && !path.startsWith("reference/") && !path.startsWith("scenarios/");
    }

    public boolean isDrl() {
        return path.endsWith(".drl");
    }

    public boolean isScenario() {
        return path.startsWith("scenarios/") && (path.endsWith(".yaml") || path.endsWith(".yml"));
    }

    public String kind() {
        if (isDrl()) {
            return "logic";
        }
        if (isTable()) {
            return "table";
        }
        if (isScenario()) {
            return "scenario";
        }
        if (path.startsWith("reference/")) {
            return "reference";
        }
        return "other";
    }
}
