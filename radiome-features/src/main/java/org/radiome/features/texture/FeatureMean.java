package org.radiome.features.texture;

/**
 * Running mean of a vector of feature values over matrices (IBSI averaged aggregations). Not
 * thread-safe; local to one computation.
 */
public final class FeatureMean {
    private final double[] sums;
    private int count;

    public FeatureMean(int size) { this.sums = new double[size]; }

    public void add(double[] values) {
        for (int f = 0; f < sums.length; f++) sums[f] += values[f];
        count++;
    }

    public boolean isEmpty() { return count == 0; }

    /** The mean of feature {@code f}; only valid when not {@link #isEmpty()}. */
    public double mean(int f) { return sums[f] / count; }
}
