package io.tradecheck.pack;

import io.tradecheck.engine.ProductListsReader;

/**
 * One file of a rule pack as it was read: path relative to the rules folder (always with '/'), content, SHA-256.
 */
public record RuleFile(String path, byte[] content, String sha256) {

    public boolean isTable() {
        return (path.endsWith(".csv") || path.endsWith(".xlsx")) && !path.startsWith("reference/") && !path.startsWith("scenarios/")
                && !isNomenclature() && !ProductListsReader.isListFile(path);
    }

    /** The dated HTS nomenclature ({@code hts/}, written by {@code tradecheck import hts}): data, not measure rows. */
    public boolean isNomenclature() {
        return path.startsWith("hts/");
    }

    /** A product list or the lists manifest (rules/lists/), read by {@link ProductListsReader}. */
    public boolean isList() {
        return ProductListsReader.isListFile(path);
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
        if (isList()) {
            return "list";
        }
        if (path.startsWith("reference/")) {
            return "reference";
        }
        if (isNomenclature()) {
            return "nomenclature";
        }
        return "other";
    }
}
