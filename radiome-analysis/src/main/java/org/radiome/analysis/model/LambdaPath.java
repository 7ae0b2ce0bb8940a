package org.radiome.analysis.model;

import org.radiome.analysis.penalized.Glmnet;

/**
 * The lambda sequence as {@code glmnet} builds it when none is given: {@code nlambda} values log-spaced from
 * lambda_max ({@link Glmnet#lambdaMax}: the smallest lambda at which every penalised coefficient is zero) down to
 * {@code lambda.min.ratio} x lambda_max. Default ratio 1e-4 when n > p, else 0.01. Thread-safe.
 */
public final class LambdaPath {
    private LambdaPath() { }

    /** glmnet's default {@code lambda.min.ratio}. */
    public static double defaultMinRatio(int cases, int features) {
        return cases > features ? 1e-4 : 1e-2;
    }

    /** {@code count} values from lambdaMax down to minRatio x lambdaMax, equally spaced in log. */
    public static double[] sequence(double lambdaMax, int count, double minRatio) {
        if (count < 1) throw new IllegalArgumentException("the lambda path needs at least one value, was " + count);
        if (!(minRatio > 0 && minRatio < 1)) throw new IllegalArgumentException("lambda min ratio must lie in (0, 1), was " + minRatio);
        double[] l = new double[count];
        for (int k = 0; k < count; k++) l[k] = count == 1 ? lambdaMax : lambdaMax * Math.pow(minRatio, (double) k / (count - 1));
        return l;
    }
}
