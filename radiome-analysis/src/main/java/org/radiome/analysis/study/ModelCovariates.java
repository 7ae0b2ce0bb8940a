package org.radiome.analysis.study;

import java.util.ArrayList;
import java.util.List;

import org.radiome.analysis.harmonisation.CovariateLevels;

/**
 * Clinical covariates that enter the model beside the selected features ({@code model.covariates}), coded as
 * R's {@code model.matrix} codes them with treatment contrasts ({@link CovariateLevels}: numeric when every value
 * is a finite number; otherwise a factor with its levels in String order, as R's {@code factor()}), a numeric
 * column as it is, a factor by one 0/1 column per level after the first (the baseline), named column + level
 * ({@code stageII}). The coding is learned on the training cases (the
 * levels they show) and applied unchanged to any case; a level it has not seen is an error, never a silent
 * baseline. Immutable and thread-safe.
 */
public record ModelCovariates(List<Covariate> covariates) {
    public static final ModelCovariates NONE = new ModelCovariates(List.of());

    /** One covariate column: numeric, or a factor with its levels (the first is the baseline). */
    public record Covariate(String column, boolean numeric, List<String> levels) {
        public Covariate {
            levels = List.copyOf(levels);
        }

        List<String> terms() {
            if (numeric) return List.of(column);
            return levels.subList(1, levels.size()).stream().map(l -> column + l).toList();
        }
    }

    public ModelCovariates {
        covariates = List.copyOf(covariates);
    }

    public boolean isEmpty() { return covariates.isEmpty(); }

    /** The model's column names for the covariates, in order. */
    public List<String> terms() {
        List<String> out = new ArrayList<>();
        for (Covariate c : covariates) out.addAll(c.terms());
        return out;
    }

    public List<String> columns() {
        return covariates.stream().map(Covariate::column).toList();
    }

    /** Learns the coding of {@code columns} (text {@code text[c][case]}) from the cases {@code rows}. */
    public static ModelCovariates fit(List<String> columns, String[][] text, int[] rows) {
        List<Covariate> out = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            CovariateLevels d = CovariateLevels.of(text[c], rows);
            if (d.levels().size() < 2) {
                throw new StudyException("model covariate " + columns.get(c) + " has one value (" + (d.levels().isEmpty() ? "none" : d.levels().get(0))
                    + ") among the training cases of a fold: it cannot be estimated");
            }
            out.add(new Covariate(columns.get(c), d.numeric(), d.codedLevels()));
        }
        return new ModelCovariates(out);
    }

    /** The design columns ({@code [term][i]}) of the cases {@code rows}; {@code text[c]} holds covariate c's values. */
    public double[][] design(String[][] text, int[] rows) {
        List<double[]> cols = new ArrayList<>();
        for (int c = 0; c < covariates.size(); c++) {
            Covariate cv = covariates.get(c);
            CovariateDesign.addColumns("model covariate", "the model was fitted on", cv.column(), cv.numeric(), cv.levels(),
                    text[c], rows, cols);
        }
        return cols.toArray(double[][]::new);
    }
}
