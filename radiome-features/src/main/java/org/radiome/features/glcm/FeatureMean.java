package org.radiome.features.glcm;

/**
 * Running mean of a vector of feature values over matrices (IBSI averaged aggregations). Not
 * thread-safe; local to one computation.
 */
final class FeatureMean {
    private final double[] sums;
    private int count;

    FeatureMean(int size) { this.sums = new double[size]; }

    void add(double[] values) {
        for (int f = 0; f < sums.length; f++) sums[f] += values[f];
        count++;
    }

    boolean isEmpty() { return count == 0; }

    /** The mean of feature {@code f}; only valid when not {@link #isEmpty()}. */
    double mean(int f) { return sums[f] / count; }
}
