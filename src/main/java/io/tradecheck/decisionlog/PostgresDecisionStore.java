package io.tradecheck.decisionlog;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * The decision tables on PostgreSQL: a group is written with one {@code COPY ... FROM STDIN} (pgjdbc's CopyManager)
 * instead of a batch of INSERTs, in the same transaction, so a group is still one commit. A row the server refuses
 * fails the COPY with the same SQL state as an INSERT would (class 22 or 23), and the writer falls back to one row at
 * a time.
 */
public final class PostgresDecisionStore extends DecisionStore {
    private static final String COPY = "COPY decision_entry (" + COLUMNS + ") FROM STDIN";

    public PostgresDecisionStore(DataSource dataSource, Predicate<String> replayable) {
        super(dataSource, replayable);
    }

    @Override
    void write(Connection c, List<Object[]> rows) throws SQLException {
        StringBuilder text = new StringBuilder(rows.size() * 400);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                field(text, row[i]);
            }
            text.append('\n');
        }
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(text.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY of " + rows.size() + " decision(s) failed", "08006", e);
        }
    }

    /** One field in COPY's text format: \N for null, backslash escapes for the separators. */
    private static void field(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof byte[] bytes) {
            text.append("\\\\x").append(HexFormat.of().formatHex(bytes));
        } else if (value instanceof BigDecimal n) {
            text.append(n.toPlainString());
        } else {
            String s = value.toString();
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                switch (ch) {
                    case '\\' -> text.append("\\\\");
                    case '\t' -> text.append("\\t");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    default -> text.append(ch);
                }
            }
        }
    }
}
