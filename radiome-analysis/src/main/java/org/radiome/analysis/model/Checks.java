package org.radiome.analysis.model;

import org.radiome.analysis.AnalysisException;

/** Validation shared by the learners: every message names the feature or outcome and the problem, never a case. */
final class Checks {
    private Checks() { }

    /** Finite values, no constant feature, and an outcome the learner can fit. */
    static void trainable(TrainingData data, String learner) {
        int n = data.caseCount();
        if (n < 2) throw new AnalysisException(learner + ": needs at least 2 cases, got " + n);
        if (data.features().isEmpty()) throw new AnalysisException(learner + ": no features to fit");
        double[][] x = data.x();
        for (int j = 0; j < data.features().size(); j++) {
            String name = data.features().get(j);
            boolean constant = true;
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(x[i][j])) throw new AnalysisException(learner + ": feature " + name + " has a missing or non-finite value");
                if (x[i][j] != x[0][j]) constant = false;
            }
            if (constant) throw new AnalysisException(learner + ": feature " + name + " is constant in the training data");
        }
        switch (data.outcome()) {
            case BINARY -> {
                int ones = 0;
                for (double v : data.y()) {
                    if (v == 1) ones++;
                    else if (v != 0) throw new AnalysisException(learner + ": the response must be 0 or 1, found " + v);
                }
                if (ones == 0 || ones == n) {
                    throw new AnalysisException(learner + ": the response has one class only (all " + (ones == 0 ? 0 : 1) + ")");
                }
            }
            case SURVIVAL -> {
                int events = 0;
                for (int i = 0; i < n; i++) {
                    double t = data.time()[i];
                    if (!Double.isFinite(t) || t < 0) throw new AnalysisException(learner + ": survival time " + t + " is not a finite non-negative number");
                    int e = data.event()[i];
                    if (e == 1) events++;
                    else if (e != 0) throw new AnalysisException(learner + ": the event must be 0 (censored) or 1 (event), found " + e);
                }
                if (events == 0) throw new AnalysisException(learner + ": no events in the training data");
            }
        }
    }

    /** The prediction matrix has one finite value per feature in every row. */
    static void predictable(double[][] x, int features) {
        for (double[] row : x) {
            if (row.length != features) throw new AnalysisException("a case has " + row.length + " values for a model of " + features + " features");
            for (double v : row) if (!Double.isFinite(v)) throw new AnalysisException("a case has a missing or non-finite feature value");
        }
    }

    /** x (one row per case) as columns, x[j] over the cases, as {@link org.radiome.analysis.penalized.Glmnet} takes it. */
    static double[][] columns(double[][] x, int p) {
        double[][] c = new double[p][x.length];
        for (int i = 0; i < x.length; i++) for (int j = 0; j < p; j++) c[j][i] = x[i][j];
        return c;
    }
}
