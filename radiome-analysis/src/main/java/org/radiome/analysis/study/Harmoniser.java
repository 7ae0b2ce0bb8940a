package org.radiome.analysis.study;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.radiome.analysis.harmonisation.ComBat;
import org.radiome.analysis.harmonisation.CovariateLevels;

/**
 * ComBat harmonisation as the study pipeline uses it: fitted on the training cases of a fold (batches and
 * covariate levels as the training cases show them), then applied, with those estimates, to any case of a
 * known batch. ComBat's adjustment of a feature uses only that feature's estimates, so a fitted harmoniser can
 * be cut down to the features a model reads ({@link #subset}).
 */
public record Harmoniser(String batchColumn, List<Covariate> covariates, ComBat.Model model) {

    /** How a covariate column becomes design columns: numeric as it is, or dummy-coded with the first level as baseline. */
    public record Covariate(String column, boolean numeric, List<String> levels) {
        List<String> terms() {
            if (numeric) return List.of(column);
            return levels.subList(1, levels.size()).stream().map(l -> column + "=" + l).toList();
        }
    }

    /** Fits on the rows {@code rows} of {@code data}. */
    public static Harmoniser fit(StudyData data, String batchColumn, int[] rows) {
        TreeSet<String> levels = new TreeSet<>();
        for (int r : rows) levels.add(data.batch()[r]);
        List<String> batches = new ArrayList<>(levels);
        int[] index = new int[rows.length];
        for (int i = 0; i < rows.length; i++) index[i] = batches.indexOf(data.batch()[rows[i]]);
        List<Covariate> covs = new ArrayList<>();
        for (int c = 0; c < data.covariates().size(); c++) covs.add(describe(data.covariates().get(c), data.covariateText()[c], rows));
        List<String> terms = new ArrayList<>();
        for (Covariate c : covs) terms.addAll(c.terms());
        double[][] design = design(covs, data.covariateText(), rows);
        ComBat.Model m = ComBat.fit(data.features(rows), data.features(), index, batches, design, terms);
        return new Harmoniser(batchColumn, List.copyOf(covs), m);
    }

    /** Harmonises {@code x[f][i]} (the model's features, in its order) of cases with batch labels and covariate text. */
    public double[][] apply(double[][] x, String[] batch, String[][] covariateText) {
        int n = batch.length;
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = model.batches().indexOf(batch[i]);
            if (index[i] < 0) {
                throw new StudyException("batch " + batchColumn + " = " + batch[i] + " is not one the harmonisation was fitted on "
                    + model.batches());
            }
        }
        int[] all = java.util.stream.IntStream.range(0, n).toArray();
        return model.apply(x, index, design(covariates, covariateText, all));
    }

    /** The same harmoniser restricted to {@code features} (each must be one it was fitted on), in that order. */
    public Harmoniser subset(List<String> features) {
        int g = features.size(), nb = model.batches().size(), nt = model.covariateTerms().size();
        double[] mean = new double[g], var = new double[g];
        double[][] coef = new double[nt][g], gamma = new double[nb][g], delta = new double[nb][g];
        for (int f = 0; f < g; f++) {
            int k = model.features().indexOf(features.get(f));
            if (k < 0) throw new StudyException("feature " + features.get(f) + " was not harmonised");
            mean[f] = model.grandMean()[k];
            var[f] = model.varPooled()[k];
            for (int t = 0; t < nt; t++) coef[t][f] = model.covariateCoef()[t][k];
            for (int b = 0; b < nb; b++) {
                gamma[b][f] = model.gammaStar()[b][k];
                delta[b][f] = model.deltaStar()[b][k];
            }
        }
        return new Harmoniser(batchColumn, covariates, new ComBat.Model(List.copyOf(features), model.batches(), model.covariateTerms(),
            mean, var, coef, gamma, delta, model.iterations()));
    }

    private static Covariate describe(String column, String[] text, int[] rows) {
        CovariateLevels d = CovariateLevels.of(text, rows);
        if (d.levels().size() < 2) throw new StudyException("harmonisation covariate " + column + " has one level among a fold's training cases");
        return new Covariate(column, d.numeric(), d.codedLevels());
    }

    private static double[][] design(List<Covariate> covs, String[][] text, int[] rows) {
        List<double[]> cols = new ArrayList<>();
        for (int c = 0; c < covs.size(); c++) {
            Covariate cv = covs.get(c);
            CovariateDesign.addColumns("harmonisation covariate", "the harmonisation knows", cv.column(), cv.numeric(), cv.levels(),
                    text[c], rows, cols);
        }
        return cols.toArray(double[][]::new);
    }
}
