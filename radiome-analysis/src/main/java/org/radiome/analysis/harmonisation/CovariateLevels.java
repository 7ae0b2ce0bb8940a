package org.radiome.analysis.harmonisation;

import java.util.List;
import java.util.TreeSet;

import org.radiome.analysis.table.Table;

/**
 * What a covariate column holds among the cases used, as R's {@code model.matrix} codes a data-frame column:
 * numeric when every value is a finite number ({@link Table#isNumber}, the rule every table value read as a number
 * follows, so "NaN", "Inf" or "1e" make the column a factor), then it enters the design as it is; otherwise a factor
 * whose levels are its distinct values in String (code point) order, as R's {@code factor()} sorts them in the C
 * locale ("10" before "9", "B" before "a", "1" and "1.0" two levels), dummy-coded with the first level as baseline
 * (treatment contrasts). Shared by the study pipeline (harmonisation and model covariates) and
 * {@code radiome analyze combat}; the callers word their own errors.
 *
 * @param numeric whether every value is a number
 * @param levels  the distinct values, in String order
 */
public record CovariateLevels(boolean numeric, List<String> levels) {
    public CovariateLevels {
        levels = List.copyOf(levels);
    }

    /** The distinct values of {@code text} at {@code rows} (none missing), in String order, and whether all are numbers. */
    public static CovariateLevels of(String[] text, int[] rows) {
        TreeSet<String> levels = new TreeSet<>();
        boolean numeric = true;
        for (int r : rows) {
            levels.add(text[r]);
            numeric &= isNumber(text[r]);
        }
        return new CovariateLevels(numeric, List.copyOf(levels));
    }

    /** Whether a covariate value counts as a number ({@link Table#isNumber}). */
    public static boolean isNumber(String value) {
        return Table.isNumber(value);
    }

    /** The levels a categorical covariate is coded by; none for a numeric one. */
    public List<String> codedLevels() {
        return numeric ? List.of() : levels;
    }

    /**
     * Adds to {@code cols} one 0/1 column per level after the first (the baseline), over {@code rows} of {@code text}:
     * R's treatment contrasts. The caller checks first that every value is one of {@code levels}.
     */
    public static void addDummies(List<String> levels, String[] text, int[] rows, List<double[]> cols) {
        for (String level : levels.subList(1, levels.size())) {
            double[] v = new double[rows.length];
            for (int i = 0; i < rows.length; i++) v[i] = text[rows[i]].equals(level) ? 1 : 0;
            cols.add(v);
        }
    }
}
