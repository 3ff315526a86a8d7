package io.tradecheck.console;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Charts as server-rendered SVG: no chart library and no script, readable by screen readers through a title and a
 * table beside each chart. Every text is escaped here because the markup is emitted raw.
 */
public final class Charts {
    /** One bar: its label, its value and a CSS class (e.g. the decision, for its colour). */
    public record Bar(String label, BigDecimal value, String css) {
    }

    private Charts() {
    }

    /** Horizontal bars, one per item, scaled to the largest value. */
    public static String bars(String title, List<Bar> bars, String unit) {
        int labelWidth = 150;
        int width = 640;
        int row = 28;
        int height = Math.max(1, bars.size()) * row + 10;
        BigDecimal max = bars.stream().map(Bar::value).reduce(BigDecimal.ONE, BigDecimal::max);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" "
                + "height=\"%d\" aria-label=\"%s\"><title>%s</title>", width, height, width, height, esc(title), esc(title)));
        int y = 5;
        for (Bar b : bars) {
            double w = (width - labelWidth - 110) * b.value().doubleValue() / max.doubleValue();
            svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text>", y + 17, esc(b.label())));
            svg.append(String.format(Locale.ROOT, "<rect class=\"bar %s\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"20\"/>",
                    esc(b.css()), labelWidth, y + 3, Math.max(w, 1)));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s%s</text>", labelWidth + Math.max(w, 1) + 6,
                    y + 17, esc(b.value().toPlainString()), esc(unit)));
            y += row;
        }
        return svg.append("</svg>").toString();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
