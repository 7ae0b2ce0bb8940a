package org.radiome.analysis.model;

import org.radiome.analysis.penalized.GlmnetCv;

/**
 * The inner cross-validation a penalised learner ran to choose lambda: the lambda path (decreasing), the mean
 * cross-validated loss {@code cvm} and its standard error {@code cvsd} at each lambda (cv.glmnet's), the fold of
 * each case (1..K), the 0-based indices of lambda.min and lambda.1se, and the measure's name.
 */
public record Tuning(String measure, double[] lambda, double[] cvm, double[] cvsd, int[] foldId, int indexMin, int index1se) {
    public double lambdaMin() { return lambda[indexMin]; }

    public double lambda1se() { return lambda[index1se]; }

    public double chosen(LambdaRule rule) { return rule == LambdaRule.MIN ? lambdaMin() : lambda1se(); }

    /** The tuning a cross-validation with folds {@code foldId} gave. */
    static Tuning of(GlmnetCv.Result cv, int[] foldId) {
        return new Tuning(cv.measure(), cv.lambda(), cv.cvm(), cv.cvsd(), foldId.clone(), cv.indexMin(), cv.index1se());
    }
}
