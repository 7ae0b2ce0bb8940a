package org.radiome.analysis.study;

import java.util.List;

import org.radiome.analysis.model.FittedModel;
import org.radiome.analysis.model.Learner;
import org.radiome.analysis.model.Outcome;
import org.radiome.analysis.model.TrainingData;
import org.radiome.analysis.penalized.Glmnet;

/** A test learner: glmnet ridge at one fixed lambda (no tuning), binomial or Cox; enough to exercise the pipeline. */
final class FixedGlmnetLearner implements Learner {
    @Override public String name() { return "test-ridge"; }

    @Override public boolean supports(Outcome outcome) { return true; }

    @Override
    public FittedModel fit(TrainingData d, long seed) {
        int n = d.caseCount(), p = d.features().size();
        double[][] x = new double[p][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) x[j][i] = d.x()[i][j];
        Glmnet.Fit fit = d.outcome() == Outcome.BINARY
            ? Glmnet.fit(Glmnet.Family.BINOMIAL, x, d.y(), null, 0, new double[] {0.05}).get(0)
            : Glmnet.fit(Glmnet.Family.COX, x, null, Selection.survival(d.time(), d.event()), 0, new double[] {0.05}).get(0);
        List<String> features = d.features();
        Outcome outcome = d.outcome();
        return new FittedModel() {
            @Override public String learner() { return "test-ridge"; }
            @Override public Outcome outcome() { return outcome; }
            @Override public List<String> features() { return features; }
            @Override public double[] predict(double[][] rows) {
                double[] out = new double[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    double eta = fit.intercept();
                    for (int j = 0; j < rows[i].length; j++) eta += fit.beta()[j] * rows[i][j];
                    out[i] = outcome == Outcome.BINARY ? 1 / (1 + Math.exp(-eta)) : eta;
                }
                return out;
            }
        };
    }
}
