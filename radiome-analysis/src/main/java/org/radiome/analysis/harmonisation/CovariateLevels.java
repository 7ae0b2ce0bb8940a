package org.radiome.analysis.harmonisation;

import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * What a ComBat covariate column holds among the cases used: whether every value is a number (then it enters the
 * design as it is) and its distinct levels in {@code order} (a categorical covariate is dummy-coded with the first
 * level as baseline, as R's {@code model.matrix} does with a factor). Shared by the study pipeline and
 * {@code radiome analyze combat}; the callers give the order and word their own errors.
 *
 * @param numeric whether every value parses as a number
 * @param levels  the distinct values, sorted by the order given
 */
public record CovariateLevels(boolean numeric, List<String> levels) {
    public CovariateLevels {
        levels = List.copyOf(levels);
    }

    /** The distinct values of {@code text} at {@code rows}, sorted by {@code order} (values it ranks equal count once). */
    public static CovariateLevels of(String[] text, int[] rows, Comparator<String> order) {
        TreeSet<String> levels = new TreeSet<>(order);
        boolean numeric = true;
        for (int r : rows) {
            levels.add(text[r]);
            try {
                Double.parseDouble(text[r]);
            } catch (NumberFormatException e) {
                numeric = false;
            }
        }
        return new CovariateLevels(numeric, List.copyOf(levels));
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
