package org.radiome.analysis.model;

import java.util.List;
import java.util.Objects;

/**
 * The cases a model is fitted on: one row of {@code x} per case, one column per feature, no missing value.
 * For {@link Outcome#BINARY} {@code y} holds 0/1 and {@code time}/{@code event} are null; for
 * {@link Outcome#SURVIVAL} {@code time} and {@code event} (1 = event, 0 = censored) are set and {@code y} is null.
 */
public record TrainingData(Outcome outcome, List<String> features, double[][] x, double[] y, double[] time, int[] event) {
    public TrainingData {
        Objects.requireNonNull(outcome, "outcome");
        features = List.copyOf(features);
        Objects.requireNonNull(x, "x");
        for (double[] row : x) {
            if (row.length != features.size()) {
                throw new IllegalArgumentException("a row has " + row.length + " values for " + features.size() + " features");
            }
        }
        switch (outcome) {
            case BINARY -> {
                if (y == null || y.length != x.length) throw new IllegalArgumentException("a binary outcome needs one y per case");
            }
            case SURVIVAL -> {
                if (time == null || event == null || time.length != x.length || event.length != x.length) {
                    throw new IllegalArgumentException("a survival outcome needs one time and one event per case");
                }
            }
        }
    }

    public int caseCount() { return x.length; }

    public static TrainingData binary(List<String> features, double[][] x, double[] y) {
        return new TrainingData(Outcome.BINARY, features, x, y, null, null);
    }

    public static TrainingData survival(List<String> features, double[][] x, double[] time, int[] event) {
        return new TrainingData(Outcome.SURVIVAL, features, x, null, time, event);
    }
}
