package io.tradecheck.decisionlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import io.tradecheck.batch.ResultFormat;
import io.tradecheck.batch.SpreadsheetCsv;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Streams the decision log out as CSV (a summary row per decision, spreadsheet-safe) or NDJSON (full records). */
public final class DecisionExport {
    static final List<String> CSV_COLUMNS = List.of("decisionId", "decidedAt", "caller", "reference", "decision",
            "additionalDutyRate", "additionalDuty", "currency", "evaluationDate", "ruleIds", "originCountry",
            "destinationCountry", "hsCode", "ruleSetVersion", "ruleSetDigest", "batchJob", "batchLine");

    private final DecisionArchive store;
    private final ObjectMapper json;

    public DecisionExport(DecisionArchive store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    public void write(DecisionQuery query, ResultFormat format, OutputStream out) throws IOException {
        SpreadsheetCsv csv = format == ResultFormat.CSV ? new SpreadsheetCsv(out, CSV_COLUMNS) : null;
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        try {
            store.stream(query, d -> {
                try {
                    if (csv != null) {
                        csv.write(csvCells(d));
                    } else {
                        w.write(ndjson(d) + "\n");
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (SQLException e) {
            throw new IOException("reading the decision log failed", e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (csv != null) {
            csv.flush();
        }
        w.flush();
    }

    private Object[] csvCells(LoggedDecision d) throws IOException {
        JsonNode request = json.readTree(d.requestJson());
        JsonNode response = json.readTree(d.responseJson());
        List<String> ruleIds = new ArrayList<>();
        response.path("findings").forEach(f -> ruleIds.add(f.path("ruleId").asText()));
        return new Object[] {d.id(), d.decidedAt(), d.caller(), d.reference(), d.outcome(),
                text(response, "additionalDutyRate"), text(response, "additionalDuty"), text(response, "currency"),
                text(response, "evaluationDate"), String.join(" ", ruleIds), text(request, "originCountry"),
                text(request, "destinationCountry"), text(request, "hsCode"), d.ruleSetVersion(), d.ruleSetDigest(),
                d.batchJob(), d.batchLine()};
    }

    private String ndjson(LoggedDecision d) throws IOException {
        ObjectNode o = json.createObjectNode();
        o.put("id", d.id());
        o.put("decidedAt", d.decidedAt().toString());
        o.put("caller", d.caller());
        o.put("reference", d.reference());
        o.put("decision", d.outcome());
        o.putObject("ruleSet").put("version", d.ruleSetVersion()).put("digest", d.ruleSetDigest());
        o.put("batchJob", d.batchJob());
        if (d.batchLine() == null) {
            o.putNull("batchLine");
        } else {
            o.put("batchLine", d.batchLine());
        }
        o.set("request", json.readTree(d.requestJson()));
        o.set("response", json.readTree(d.responseJson()));
        return json.writeValueAsString(o);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        // 3750.00, not 3.75E+3: a spreadsheet must read the amount as it was answered.
        return v.isNumber() ? v.decimalValue().toPlainString() : v.asText();
    }
}
