package io.tradecheck.reciprocal;

import io.tradecheck.pack.CsvTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The reciprocal-tariff country rates of EO 14257 Annex I (9 Apr 2025, then paused) and EO 14326 (from 7 Aug 2025),
 * as table rows and as scenarios, generated from the USITC-derived files of shared/data/reciprocal (headings
 * 9903.01.43-.76 of HTS 2025 Rev 7 and 9903.02.02-.71 of Rev 18), never typed by hand. Countries that
 * rules/us-import/reciprocal.csv already models by hand (pauses, deals, floors) are left to it; the test cross-checks
 * their rates against the same source. Same input, same bytes.
 */
public final class ReciprocalCountryRates {
    public static final String COMMAND = "tradecheck generate reciprocal-rates --data ../shared/data --rules rules";
    public static final String TABLE = "us-import/reciprocal-country-rates.csv";
    public static final String SCENARIOS = "scenarios/reciprocal-country-rates.yaml";
    static final String ANNEX_I = "reciprocal/eo14257_annexI_country_rates_from_hts_2025_rev7.csv";
    static final String EO_14326 = "reciprocal/eo14326_country_rates_from_hts_2025_rev18.csv";
    static final String HAND_WRITTEN = "us-import/reciprocal.csv";

    private static final String COLUMNS = "measureId,family,kind,origin,exportCountry,destination,hsPrefix,eccn,claim,rate,"
            + "chapter99,from,to,resumesOn,title,legalBasis,source,explanation";
    private static final String SOURCE = "https://hts.usitc.gov/";
    /** The names USITC prints that Java's English country names spell differently; groups of the pack by name. */
    private static final Map<String, String> ALIASES = Map.of(
            "bosnia and herzegovina", "BA",
            "democratic republic of the congo", "CD",
            "trinidad and tobago", "TT",
            "cote d'ivoire", "CI",
            "european union", "EU",
            "china, including hong kong and macau", "CHINA_HK_MO");

    /** One country's rate under one heading. */
    public record CountryRate(String heading, String country, String code, BigDecimal rate, String generalColumn) {
    }

    private final Path data;
    private final Path rules;

    /** @param data the shared data folder; @param rules the rules folder (for the hand-written countries) */
    public ReciprocalCountryRates(Path data, Path rules) {
        this.data = data;
        this.rules = rules;
    }

    public List<CountryRate> annexI() {
        return read(ANNEX_I);
    }

    public List<CountryRate> eo14326() {
        return read(EO_14326);
    }

    /** A hand-written reciprocal row: the origins it names (codes and group names as written) and its dates. */
    record HandWritten(Set<String> origins, LocalDate from, LocalDate to) {
        boolean names(String code) {
            return origins.contains(code);
        }

        boolean inForceOn(LocalDate day) {
            return !from.isAfter(day) && (to == null || !to.isBefore(day));
        }
    }

    /** The rows of rules/us-import/reciprocal.csv that name countries (the baseline for all is left out). */
    public List<HandWritten> handWritten() {
        List<HandWritten> rows = new ArrayList<>();
        for (CsvTable.Row row : table(rules.resolve(HAND_WRITTEN)).rows()) {
            Set<String> origins = new LinkedHashSet<>();
            for (String token : row.get("origin").split("[\\s,]+")) {
                if (!token.isEmpty() && !token.equals("*") && !token.startsWith("!")) {
                    origins.add(token.toUpperCase(Locale.ROOT));
                }
            }
            if (!origins.isEmpty()) {
                rows.add(new HandWritten(origins, LocalDate.parse(row.get("from")),
                        row.get("to").isEmpty() ? null : LocalDate.parse(row.get("to"))));
            }
        }
        return rows;
    }

    /**
     * The last day a generated row for {@code code} may run, starting on {@code start} and ending at most on {@code end}:
     * null when the hand-written table already covers the country on {@code start}; else the day before its first
     * hand-written row that starts later (a deal), so that the two never overlap.
     */
    static LocalDate lastDay(List<HandWritten> handWritten, String code, LocalDate start, LocalDate end) {
        LocalDate last = end;
        for (HandWritten row : handWritten) {
            if (!row.names(code)) {
                continue;
            }
            if (row.inForceOn(start)) {
                return null;
            }
            if (row.from().isAfter(start) && !row.from().isAfter(last)) {
                last = row.from().minusDays(1);
            }
        }
        return last;
    }

    private static final LocalDate APRIL_9 = LocalDate.of(2025, 4, 9);
    private static final LocalDate APRIL_10 = LocalDate.of(2025, 4, 10);
    private static final LocalDate PAUSE_END = LocalDate.of(2025, 7, 31);
    private static final LocalDate AUGUST_7 = LocalDate.of(2025, 8, 7);
    private static final LocalDate IEEPA_END = LocalDate.of(2026, 2, 23);

    /** The table of the countries not written by hand: for Annex I a one-day rate and its pause; for EO 14326 a rate. */
    public String table() {
        List<HandWritten> hand = handWritten();
        StringBuilder csv = new StringBuilder(header("# ")).append(COLUMNS).append('\n');
        for (CountryRate r : annexI()) {
            LocalDate last = lastDay(hand, r.code(), APRIL_9, PAUSE_END);
            if (last == null) {
                continue;
            }
            String basis = "EO 14257 Annex I (2 Apr 2025, 90 FR 15041); HTSUS heading " + r.heading();
            String provenance = " Generated from USITC HTS 2025 Rev 7, heading " + r.heading() + " ('" + r.generalColumn()
                    + "'), by " + COMMAND + "; do not edit by hand.";
            row(csv, "US-RECIPROCAL-" + r.code() + "-APRIL", "TARIFF", r, APRIL_9, APRIL_9,
                    "Reciprocal tariff Annex I country rate for " + r.country() + " (" + plain(r.rate()) + "%)", basis,
                    "On 9 Apr 2025 goods of " + r.country() + " owed the Annex I rate of " + plain(r.rate())
                            + "% instead of the 10% baseline; it was paused from the next day." + provenance);
            row(csv, "US-RECIPROCAL-" + r.code() + "-APRIL-PAUSE", "PAUSED_TARIFF", r, APRIL_10, last,
                    "Reciprocal Annex I rate for " + r.country() + " (" + plain(r.rate()) + "%) paused",
                    "EO 14266 (9 Apr 2025, 90 FR 15625); EO 14316 (7 Jul 2025, 90 FR 30823); " + basis,
                    "EO 14266 paused the Annex I rate for 90 days (to 9 Jul 2025) and EO 14316 extended the pause to "
                            + "1 Aug 2025; the 10% baseline continued, and EO 14326 set new country rates from 7 Aug 2025."
                            + provenance);
        }
        for (CountryRate r : eo14326()) {
            LocalDate last = lastDay(hand, r.code(), AUGUST_7, IEEPA_END);
            if (last == null) {
                continue;
            }
            row(csv, "US-RECIPROCAL-" + r.code() + "-AUG", "TARIFF", r, AUGUST_7, last,
                    "Reciprocal tariff for " + r.country() + " (" + plain(r.rate()) + "%)",
                    "EO 14326 (31 Jul 2025) 'Further Modifying the Reciprocal Tariff Rates'; HTSUS heading " + r.heading(),
                    "From 7 Aug 2025 goods of " + r.country() + " owe " + plain(r.rate()) + "% instead of the 10% "
                            + "baseline, until " + (last.equals(IEEPA_END) ? "the IEEPA duties end on 23 Feb 2026"
                            : last + ", after which its deal row in " + HAND_WRITTEN + " applies")
                            + ". Generated from USITC HTS 2025 Rev 18, heading " + r.heading() + " ('" + r.generalColumn()
                            + "'), by " + COMMAND + "; do not edit by hand.");
        }
        return csv.toString();
    }

    /**
     * One scenario per generated country rate, each citing the heading text it was read from: an Annex I country on
     * 9 Apr 2025 and on 10 Apr 2025 (paused), an EO 14326 country on 7 Aug 2025.
     */
    public String scenarios() {
        List<HandWritten> hand = handWritten();
        StringBuilder yaml = new StringBuilder(header("# "));
        yaml.append("topic: Reciprocal country rates of EO 14257 Annex I and EO 14326, generated from the USITC headings\n");
        yaml.append("scenarios:\n");
        for (CountryRate r : annexI()) {
            if (lastDay(hand, r.code(), APRIL_9, PAUSE_END) == null) {
                continue;
            }
            scenario(yaml, "Goods of " + r.country() + " entered on 9 April 2025 owe the Annex I rate of " + plain(r.rate()) + "%",
                    r, "2025-04-09", "{ruleId: US-RECIPROCAL-" + r.code() + "-APRIL, kind: TARIFF, rate: " + plain(r.rate())
                            + ", chapter99: \"" + r.heading() + "\"}", "additionalDutyRate: " + plain(r.rate()));
            scenario(yaml, "From 10 April 2025 the " + plain(r.rate()) + "% rate for " + r.country()
                            + " is paused and only the 10% baseline is owed", r, "2025-04-10",
                    "{ruleId: US-RECIPROCAL-" + r.code() + "-APRIL-PAUSE, kind: PAUSED_TARIFF, rate: " + plain(r.rate()) + "}",
                    "additionalDutyRate: 10");
        }
        for (CountryRate r : eo14326()) {
            if (lastDay(hand, r.code(), AUGUST_7, IEEPA_END) == null) {
                continue;
            }
            scenario(yaml, "Goods of " + r.country() + " entered on 7 August 2025 owe the EO 14326 rate of " + plain(r.rate()) + "%",
                    r, "2025-08-07", "{ruleId: US-RECIPROCAL-" + r.code() + "-AUG, kind: TARIFF, rate: " + plain(r.rate())
                            + ", chapter99: \"" + r.heading() + "\"}", "additionalDutyRate: " + plain(r.rate()));
        }
        return yaml.toString();
    }

    /** Writes the table and the scenarios into the rules folder. */
    public void write() throws IOException {
        Files.writeString(rules.resolve(TABLE), table());
        Files.writeString(rules.resolve(SCENARIOS), scenarios());
    }

    private void scenario(StringBuilder yaml, String name, CountryRate r, String date, String finding, String rate) {
        String origin = r.code().equals("CHINA_HK_MO") ? "CN" : r.code().equals("EU") ? "DE" : r.code();
        yaml.append("  - name: ").append(name).append('\n');
        yaml.append("    primaryText: \"HTSUS heading ").append(r.heading()).append(" (articles the product of ")
                .append(r.country()).append("): ").append(r.generalColumn().replace("\"", "'")).append(".\"\n");
        // HS 9506.62.40 (inflatable balls): Column 1 Free, in no Annex II, 232 or Section 301 list for these origins.
        yaml.append("    shipment: {originCountry: ").append(origin).append(", destinationCountry: US, hsCode: \"9506.62.40.40\", ")
                .append("customsValue: 10000, currency: USD, entryDate: \"").append(date).append("\", mfnRate: 0}\n");
        yaml.append("    expect:\n      ").append(rate).append("\n      findings:\n        - ").append(finding).append("\n\n");
    }

    private static void row(StringBuilder csv, String id, String kind, CountryRate r, LocalDate from, LocalDate to,
                            String title, String basis, String explanation) {
        List<String> cells = new ArrayList<>(List.of(id, "RECIPROCAL", kind, r.code(), "", "US", "", "", "",
                plain(r.rate()), r.heading(), from.toString(), to.toString(), "", title, basis, SOURCE, explanation));
        csv.append(String.join(",", cells.stream().map(ReciprocalCountryRates::quote).toList())).append('\n');
    }

    private List<CountryRate> read(String relative) {
        Map<String, CountryRate> byCode = new TreeMap<>();
        for (CsvTable.Row row : table(data.resolve(relative)).rows()) {
            String country = row.get("country");
            String rate = row.get("additional_ad_valorem_pct");
            if (country.isEmpty() || rate.isEmpty()) {
                continue; // 9903.02.01 (transshipment, no country) and the EU's two floor headings (no single rate)
            }
            String code = code(country);
            byCode.putIfAbsent(code, new CountryRate(row.get("heading"), country, code, new BigDecimal(rate),
                    row.get("general_column_text")));
        }
        return List.copyOf(byCode.values());
    }

    /** ISO 3166-1 alpha-2 code (or the pack's group name) of a country as USITC names it. */
    static String code(String name) {
        String key = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[’`´]", "'").toLowerCase(Locale.ROOT).trim();
        String alias = ALIASES.get(key);
        if (alias != null) {
            return alias;
        }
        for (String iso : Locale.getISOCountries()) {
            String english = Normalizer.normalize(new Locale("", iso).getDisplayCountry(Locale.ENGLISH), Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
            if (english.equals(key)) {
                return iso;
            }
        }
        throw new IllegalArgumentException("no ISO code for the country name '" + name + "': add it to the aliases");
    }

    private String header(String comment) {
        return comment + "Generated by " + COMMAND + " from shared/data/" + ANNEX_I + " (sha256 " + sha256(ANNEX_I)
                + ") and shared/data/" + EO_14326 + " (sha256 " + sha256(EO_14326) + "). Do not edit by hand.\n"
                + comment + "Countries and periods that " + HAND_WRITTEN + " models by hand (pauses, deals) are left to it.\n";
    }

    private String sha256(String relative) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(data.resolve(relative))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CsvTable table(Path file) {
        try {
            return CsvTable.parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String quote(String cell) {
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n") ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
