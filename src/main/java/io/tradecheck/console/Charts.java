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

    /** One row of a measure on the time axis: its lane (scope), dates, rate, and whether it is a pause. */
    public record Span(String lane, java.time.LocalDate from, java.time.LocalDate to, BigDecimal rate, boolean paused) {
    }

    /**
     * A measure's rates over time: one lane per scope, each row a bar from its first to its last day whose height is
     * its rate; pauses are shaded across the lane. Open-ended rows run to the right edge.
     */
    public static String timeline(String title, List<Span> spans) {
        if (spans.isEmpty()) {
            return "";
        }
        java.time.LocalDate start = spans.stream().map(Span::from).filter(java.util.Objects::nonNull)
                .min(java.util.Comparator.naturalOrder()).orElse(java.time.LocalDate.now());
        java.time.LocalDate end = spans.stream().map(s -> s.to() == null ? s.from() : s.to()).filter(java.util.Objects::nonNull)
                .max(java.util.Comparator.naturalOrder()).orElse(start).plusDays(30);
        List<String> lanes = spans.stream().map(Span::lane).distinct().toList();
        BigDecimal max = spans.stream().map(Span::rate).filter(java.util.Objects::nonNull).reduce(BigDecimal.ONE, BigDecimal::max);
        int left = 170;
        int width = 900;
        int lane = 56;
        int top = 24;
        int height = top + lanes.size() * lane + 10;
        double days = Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(start, end));
        java.util.function.Function<java.time.LocalDate, Double> x =
                d -> left + (width - left - 10) * java.time.temporal.ChronoUnit.DAYS.between(start, d) / days;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 %d %d\" "
                + "width=\"%d\" height=\"%d\" aria-label=\"%s\"><title>%s</title>", width, height, width, height, esc(title), esc(title)));
        for (java.time.LocalDate tick = start.withDayOfMonth(1).plusMonths(1); tick.isBefore(end); tick = tick.plusMonths(1)) {
            double tx = x.apply(tick);
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\"/>", tx, tx, top - 6, height - 10));
            if (days < 400 || tick.getMonthValue() % 3 == 1) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"14\">%s</text>", tx + 2, tick.toString().substring(0, 7)));
            }
        }
        for (int i = 0; i < lanes.size(); i++) {
            int y = top + i * lane;
            svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text>", y + lane / 2 + 4, esc(lanes.get(i))));
            svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\"/>", left, width - 10, y + lane - 6, y + lane - 6));
            for (Span s : spans) {
                if (!s.lane().equals(lanes.get(i)) || s.from() == null) {
                    continue;
                }
                double x1 = x.apply(s.from());
                double x2 = x.apply(s.to() == null ? end : s.to().plusDays(1));
                double h = s.paused() || s.rate() == null ? lane - 10 : Math.max(3, (lane - 18) * s.rate().doubleValue() / max.doubleValue());
                String label = (s.paused() ? "paused " : "") + (s.rate() == null ? "" : s.rate().stripTrailingZeros().toPlainString() + "%");
                svg.append(String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\">"
                                + "<title>%s %s to %s</title></rect>", s.paused() ? "pause" : "bar", x1, y + lane - 6 - h,
                        Math.max(1.5, x2 - x1), h, esc(label), s.from(), s.to() == null ? "further notice" : s.to()));
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>", x1 + 2, y + lane - 10 - h, esc(label)));
            }
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
