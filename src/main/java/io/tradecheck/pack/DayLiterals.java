package io.tradecheck.pack;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lets logic files write dates readably, {@code Shipment( entryDay >= day("2025-06-04") )}, and folds each
 * {@code day("yyyy-MM-dd")} into its day number before compiling. A function call in a constraint is evaluated on every
 * check and is not compiled to bytecode by the classic engine: measured with the full pack, four such calls doubled the
 * time of a check. Line numbers are kept, so compile errors still point at the right line.
 */
final class DayLiterals {
    private static final Pattern DAY = Pattern.compile("\\bday\\(\\s*\"([^\"]*)\"\\s*\\)");

    static String fold(String file, String drl, List<RulePackProblem> problems) {
        Matcher m = DAY.matcher(drl);
        StringBuilder out = new StringBuilder(drl.length());
        while (m.find()) {
            String iso = m.group(1);
            String replacement;
            try {
                replacement = LocalDate.parse(iso).toEpochDay() + " /* " + iso + " */";
            } catch (DateTimeParseException e) {
                int line = (int) drl.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                problems.add(new RulePackProblem(file, line, null, "day(\"" + iso + "\") is not a date yyyy-MM-dd"));
                replacement = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private DayLiterals() {
    }
}
