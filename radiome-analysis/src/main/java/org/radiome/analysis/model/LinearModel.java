package org.radiome.analysis.model;

import java.util.List;
import java.util.Objects;

/**
 * A fitted linear model on the original scale of the features: eta = intercept + sum_j coefficients[j] x_j.
 * For {@link Outcome#BINARY} the prediction is the probability 1 / (1 + e^-eta); for {@link Outcome#SURVIVAL}
 * it is the linear predictor eta itself (the Cox log relative hazard, intercept 0), larger meaning higher risk.
 * {@code lambda} and {@code alpha} record the penalty it was fitted with. Immutable and thread-safe.
 */
public record LinearModel(String learner, Outcome outcome, List<String> features, double intercept, double[] coefficients,
                          double lambda, double alpha) implements FittedModel {
    public LinearModel {
        Objects.requireNonNull(learner, "learner");
        Objects.requireNonNull(outcome, "outcome");
        features = List.copyOf(features);
        coefficients = coefficients.clone();
        if (coefficients.length != features.size()) {
            throw new IllegalArgumentException(coefficients.length + " coefficients for " + features.size() + " features");
        }
        if (outcome == Outcome.SURVIVAL && intercept != 0) throw new IllegalArgumentException("a Cox model has no intercept");
    }

    @Override
    public double[] coefficients() { return coefficients.clone(); }

    /** intercept + x . coefficients, per row. */
    public double[] linearPredictor(double[][] x) {
        Checks.predictable(x, coefficients.length);
        double[] eta = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double e = intercept;
            double[] row = x[i];
            for (int j = 0; j < coefficients.length; j++) e += coefficients[j] * row[j];
            eta[i] = e;
        }
        return eta;
    }

    @Override
    public double[] predict(double[][] x) {
        double[] eta = linearPredictor(x);
        if (outcome == Outcome.BINARY) for (int i = 0; i < eta.length; i++) eta[i] = 1 / (1 + Math.exp(-eta[i]));
        return eta;
    }

    /** The features with a non-zero coefficient, in feature order. */
    public List<String> selectedFeatures() {
        List<String> out = new java.util.ArrayList<>();
        for (int j = 0; j < coefficients.length; j++) if (coefficients[j] != 0) out.add(features.get(j));
        return out;
    }
}
