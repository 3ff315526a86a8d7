package io.tradecheck.batch;

import java.io.IOException;
import java.io.OutputStream;

/** Results as CSV, one row per order line, through the one {@link SpreadsheetCsv} writer. */
final class CsvResultWriter implements ResultWriter {
    private final SpreadsheetCsv csv;

    CsvResultWriter(OutputStream out) throws IOException {
        this.csv = new SpreadsheetCsv(out, LineResult.COLUMNS);
    }

    @Override
    public void write(LineResult r) throws IOException {
        csv.write(r.line(), r.reference(), r.decision(), r.additionalDutyRate(), r.additionalDuty(), r.currency(),
                r.measures() == null || r.measures().isEmpty() ? null : String.join(" ", r.measures()), r.column(),
                r.reason(), r.mfnRate(), r.totalDutyRate(), r.totalDuty());
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
