package org.radiome.analysis.model;

/** Which lambda of the cross-validation curve a penalised learner keeps, as cv.glmnet names them. */
public enum LambdaRule {
    /** {@code lambda.min}: the largest lambda with the smallest mean cross-validated loss. */
    MIN,
    /** {@code lambda.1se}: the largest lambda whose mean loss is within one standard error of the minimum. */
    ONE_SE
}
