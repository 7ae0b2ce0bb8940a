package org.radiome.analysis.model;

/**
 * A way of fitting a model (penalised logistic regression, random forest, penalised Cox …), with its
 * hyper-parameters fixed or tuned internally (for example λ by an inner cross-validation). Implementations are
 * stateless and thread-safe: the same learner fits every fold.
 */
public interface Learner {
    /** A short stable name, for example {@code penalised-logistic}; written into model.json. */
    String name();

    /** Whether this learner can fit {@code outcome}. */
    boolean supports(Outcome outcome);

    /**
     * Fits on {@code data}; any randomness (inner folds, bootstrap samples, feature sampling) is drawn from
     * {@code seed}, so the same data and seed give the same model.
     *
     * @throws org.radiome.analysis.AnalysisException when the data cannot be fitted (one class, no events …)
     */
    FittedModel fit(TrainingData data, long seed);

    /**
     * This learner with per-feature penalty multipliers (glmnet's {@code penalty.factor}, by feature name; a feature
     * not named keeps 1, 0 leaves it unpenalised so that it is in every model). Learners without a penalty (the
     * random forest) ignore them and return themselves.
     */
    default Learner withPenaltyFactors(java.util.Map<String, Double> factors) {
        return this;
    }
}
