package io.tradecheck.api;

import io.tradecheck.batch.OrderFormat;
import io.tradecheck.batch.ResultFormat;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Media types of the batch endpoints: order files in, results (CSV, NDJSON) or a summary (JSON) out. */
final class BatchMediaTypes {
    static final String CSV = OrderFormat.CSV_TYPE;
    static final String XLSX = OrderFormat.XLSX_TYPE;
    static final String NDJSON = OrderFormat.NDJSON_TYPE;

    private BatchMediaTypes() {
    }

    /** The results format the client prefers; null when it prefers the JSON summary. CSV for a wildcard. */
    static ResultFormat preferred(List<MediaType> acceptable) {
        for (MediaType m : acceptable) {
            if (m.isWildcardType()) {
                return ResultFormat.CSV;
            }
            String type = m.getType() + "/" + m.getSubtype();
            if (type.equals(NDJSON)) {
                return ResultFormat.NDJSON;
            }
            if (type.equals(MediaType.APPLICATION_JSON)) {
                return null;
            }
            if (m.getType().equals("text")) {
                return ResultFormat.CSV;
            }
        }
        return ResultFormat.CSV;
    }
}
