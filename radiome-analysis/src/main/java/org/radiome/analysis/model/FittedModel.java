package org.radiome.analysis.model;

import java.util.List;

/**
 * A fitted model: scores cases whose columns are {@link #features()} in that order. Immutable and thread-safe.
 */
public interface FittedModel {
    /** The learner's {@link Learner#name()}. */
    String learner();

    Outcome outcome();

    /** The features the model reads, in the column order {@link #predict} expects. */
    List<String> features();

    /**
     * One score per row: the probability of response 1 for {@link Outcome#BINARY}, a risk score (larger = higher
     * hazard, e.g. the Cox linear predictor) for {@link Outcome#SURVIVAL}.
     */
    double[] predict(double[][] x);
}
