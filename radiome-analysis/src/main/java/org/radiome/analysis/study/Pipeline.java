package org.radiome.analysis.study;

import java.util.ArrayList;
import java.util.List;

import org.radiome.analysis.model.FittedModel;
import org.radiome.analysis.model.Learner;
import org.radiome.analysis.model.Outcome;
import org.radiome.analysis.model.TrainingData;

/**
 * The modelling pipeline of a study, fitted on one set of training cases: ComBat harmonisation, univariate
 * tests with BH q-values, correlation pruning, the lasso, then the learner on the selected features plus the
 * spec's clinical covariates (coded on the training cases, {@link ModelCovariates}; never selected away, and
 * unpenalised in the penalised learners, {@link Learner#withPenaltyFactors}). Every step sees the training
 * cases only: {@link #fit} picks them out of the cohort first and no later step receives any other row, so
 * a test fold can never inform the harmonisation, the selection or the model fitted for it.
 */
public final class Pipeline {
    private Pipeline() { }

    /** Receives, for each fitting step, the cohort rows it fitted on (for audits and tests). */
    public interface Trace {
        Trace NONE = (step, rows) -> { };

        void fitted(String step, int[] rows);
    }

    /**
     * The fitted pipeline: what each step kept, and the model that scores harmonised, selected features.
     * {@code trainingFeatures} are the training cases' features as the selection saw them ({@code [feature][i]} over
     * the training rows in their order; harmonised when the spec harmonises): fitted on every case, the cohort
     * harmonised once for the associations and the report.
     */
    public record Fitted(Harmoniser harmoniser, List<Selection.Association> univariate, List<String> significant,
                         List<String> pruned, Selection.Lasso lasso, List<String> selected, ModelCovariates covariates,
                         FittedModel model, double[][] trainingFeatures) {

        /** Scores cohort rows {@code rows} of {@code data}. */
        public double[] score(StudyData data, int[] rows) {
            double[][] x = new double[selected.size()][];
            for (int f = 0; f < x.length; f++) {
                double[] all = data.x()[data.features().indexOf(selected.get(f))];
                x[f] = Selection.pick(all, rows);
            }
            if (harmoniser != null) {
                String[] batch = new String[rows.length];
                for (int i = 0; i < rows.length; i++) batch[i] = data.batch()[rows[i]];
                String[][] cov = new String[data.covariates().size()][rows.length];
                for (int c = 0; c < cov.length; c++) for (int i = 0; i < rows.length; i++) cov[c][i] = data.covariateText()[c][rows[i]];
                x = harmoniser.subset(selected).apply(x, batch, cov);
            }
            return model.predict(rowMajor(append(x, covariates.design(data.modelCovariateText(), rows))));
        }
    }

    /** Fits the pipeline on the cohort rows {@code train}. */
    public static Fitted fit(StudySpec spec, StudyData data, int[] train, Learner learner, long seed, Trace trace) {
        Outcome outcome = data.outcome();
        List<String> features = data.features();
        Harmoniser harmoniser = null;
        double[][] x = data.features(train);
        if (spec.harmonisation() != null) {
            harmoniser = Harmoniser.fit(data, spec.harmonisation().batch(), train);
            trace.fitted("combat", train);
            String[] batch = new String[train.length];
            for (int i = 0; i < train.length; i++) batch[i] = data.batch()[train[i]];
            String[][] cov = new String[data.covariates().size()][train.length];
            for (int c = 0; c < cov.length; c++) for (int i = 0; i < train.length; i++) cov[c][i] = data.covariateText()[c][train[i]];
            x = harmoniser.apply(x, batch, cov);
        }
        double[] y = data.y() == null ? null : Selection.pick(data.y(), train);
        double[] time = data.time() == null ? null : Selection.pick(data.time(), train);
        int[] event = null;
        if (data.event() != null) {
            event = new int[train.length];
            for (int i = 0; i < train.length; i++) event[i] = data.event()[train[i]];
        }
        StudySpec.SelectionSpec sel = spec.selection();
        List<Selection.Association> univariate = Selection.univariate(outcome, features, x, y, time, event);
        trace.fitted("univariate", train);
        List<Selection.Association> significant = Selection.significant(univariate, sel.qMax(), sel.fallbackTop());
        List<String> pruned = Selection.prune(significant, features, x, sel.maxAbsCorrelation());
        trace.fitted("pruning", train);
        Selection.Lasso lasso = null;
        List<String> selected = pruned;
        if (sel.lasso() && pruned.size() > 1) {
            lasso = Selection.lasso(outcome, pruned, columns(x, features, pruned), y, time, event, sel.lassoPathLength(), sel.lassoFolds(),
                sel.lassoLambda(), seed);
            trace.fitted("lasso", train);
            selected = lasso.selected();
        }
        ModelCovariates covariates = ModelCovariates.NONE;
        List<String> columns = new ArrayList<>(selected);
        if (!data.modelCovariates().isEmpty()) {
            covariates = ModelCovariates.fit(data.modelCovariates(), data.modelCovariateText(), train);
            trace.fitted("covariates", train);
            for (String term : covariates.terms()) {
                if (columns.contains(term)) throw new StudyException("model covariate term " + term + " has the name of a selected feature");
                columns.add(term);
            }
        }
        double[][] xs = rowMajor(append(columns(x, features, selected), covariates.design(data.modelCovariateText(), train)));
        TrainingData td = outcome == Outcome.BINARY ? TrainingData.binary(columns, xs, y) : TrainingData.survival(columns, xs, time, event);
        // the covariates are unpenalised (glmnet's penalty.factor 0): always in the model, never shrunk
        Learner fitting = learner;
        if (!covariates.isEmpty()) {
            java.util.Map<String, Double> factors = new java.util.HashMap<>();
            for (String term : covariates.terms()) factors.put(term, 0.0);
            fitting = learner.withPenaltyFactors(factors);
        }
        FittedModel model = fitting.fit(td, seed ^ 0x5DEECE66DL);
        trace.fitted("learner", train);
        List<String> sig = new ArrayList<>();
        for (Selection.Association a : significant) sig.add(a.feature());
        return new Fitted(harmoniser, univariate, List.copyOf(sig), List.copyOf(pruned), lasso, List.copyOf(selected), covariates, model, x);
    }

    static double[][] columns(double[][] x, List<String> features, List<String> wanted) {
        double[][] out = new double[wanted.size()][];
        for (int f = 0; f < out.length; f++) out[f] = x[features.indexOf(wanted.get(f))];
        return out;
    }

    static double[][] append(double[][] a, double[][] b) {
        if (b.length == 0) return a;
        double[][] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static double[][] rowMajor(double[][] x) {
        int n = x.length == 0 ? 0 : x[0].length;
        double[][] out = new double[n][x.length];
        for (int f = 0; f < x.length; f++) for (int i = 0; i < n; i++) out[i][f] = x[f][i];
        return out;
    }
}
