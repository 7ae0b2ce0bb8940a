package org.radiome.analysis.study;

import java.util.List;

import org.radiome.analysis.harmonisation.CovariateLevels;

/**
 * The design columns of one study covariate over some cases, as R's {@code model.matrix} codes them: a numeric covariate
 * as its numbers, a categorical one as 0/1 columns for its levels after the first ({@link CovariateLevels#addDummies}).
 * Shared by the model's clinical covariates ({@link ModelCovariates}) and ComBat's ({@link Harmoniser}), which differ
 * only in how their errors name them.
 */
final class CovariateDesign {
    private CovariateDesign() {}

    /**
     * Adds covariate {@code column}'s columns over {@code rows} of {@code text} to {@code cols}.
     *
     * @param role       how errors name the covariate ("model covariate")
     * @param levelsFrom what its levels were taken from, for the error on an unknown one ("the model was fitted on")
     * @throws StudyException a value of a numeric covariate is not a number, or a categorical value is not a level
     */
    static void addColumns(String role, String levelsFrom, String column, boolean numeric, List<String> levels,
            String[] text, int[] rows, List<double[]> cols) {
        if (numeric) {
            double[] v = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                String value = text[rows[i]];
                if (!CovariateLevels.isNumber(value)) throw new StudyException(role + " " + column + " = '" + value + "' is not a number");
                v[i] = Double.parseDouble(value);
            }
            cols.add(v);
            return;
        }
        for (int r : rows) {
            if (!levels.contains(text[r])) {
                throw new StudyException(role + " " + column + " = " + text[r] + " is not a level " + levelsFrom + " " + levels);
            }
        }
        CovariateLevels.addDummies(levels, text, rows, cols);
    }
}
