package org.radiome.analysis.model;

import java.util.Map;

import org.radiome.analysis.AnalysisException;
import org.radiome.analysis.penalized.Glmnet;
import org.radiome.analysis.penalized.GlmnetCv;

/**
 * Elastic-net logistic regression with lambda chosen by an inner, seeded k-fold cross-validation on the
 * binomial deviance: {@code cv.glmnet(x, y, family = "binomial", alpha, nfolds, type.measure = "deviance")}
 * followed by {@code coef(fit, s = "lambda.min" | "lambda.1se")}. The lambda path is glmnet's own
 * ({@link LambdaPath}); each fold is fitted by {@link Glmnet} (glmnet's objective, predictors standardised with
 * the population SD inside each training fold, coefficients on the original scale) and scored by
 * {@link GlmnetCv}. Only the folds differ from R: they are drawn from {@code seed}, stratified by class
 * ({@link Folds}). Immutable and thread-safe.
 *
 * @param alpha          the elastic-net mixing, 1 = lasso, 0 = ridge
 * @param folds          inner cross-validation folds (cv.glmnet's default is 10), at least 3
 * @param rule           lambda.min or lambda.1se
 * @param lambdaCount    length of the lambda path (glmnet's nlambda, default 100)
 * @param lambdaMinRatio smallest lambda as a fraction of lambda_max; NaN for glmnet's default
 *                       ({@link LambdaPath#defaultMinRatio}: 1e-4 when there are more cases than features)
 * @param penaltyFactors glmnet's {@code penalty.factor} by feature name (a feature not named: 1; 0: unpenalised,
 *                       in every model); rescaled as glmnet does to sum to the number of features, and the lambda
 *                       path's lambda_max taken over the penalised features at the model with the unpenalised ones
 *                       fitted ({@link LambdaPath}). With no penalised feature at all (where glmnet stops) the fit is
 *                       the unpenalised one, lambda 0, without inner cross-validation.
 */
public record PenalisedLogistic(double alpha, int folds, LambdaRule rule, int lambdaCount, double lambdaMinRatio,
                                Map<String, Double> penaltyFactors) implements Learner {
    public static final String NAME = "penalised-logistic";

    public PenalisedLogistic {
        penaltyFactors = PenalisedSettings.validate(alpha, folds, rule, lambdaCount, lambdaMinRatio, penaltyFactors);
    }

    /** Every feature penalised alike (penalty factors all 1). */
    public PenalisedLogistic(double alpha, int folds, LambdaRule rule, int lambdaCount, double lambdaMinRatio) {
        this(alpha, folds, rule, lambdaCount, lambdaMinRatio, Map.of());
    }

    @Override
    public PenalisedLogistic withPenaltyFactors(Map<String, Double> factors) {
        return new PenalisedLogistic(alpha, folds, rule, lambdaCount, lambdaMinRatio, factors);
    }

    /**
     * cv.glmnet's defaults with the given alpha: 10 folds, lambda.min, 100 lambdas down to glmnet's own
     * {@code lambda.min.ratio} (1e-4 of lambda_max when there are more cases than features, else 0.01).
     */
    public static PenalisedLogistic of(double alpha) {
        return new PenalisedLogistic(alpha, 10, LambdaRule.MIN, 100, Double.NaN);
    }

    @Override
    public String name() { return NAME; }

    @Override
    public boolean supports(Outcome outcome) { return outcome == Outcome.BINARY; }

    @Override
    public LinearModel fit(TrainingData data, long seed) {
        requireBinary(data);
        Checks.trainable(data, NAME);
        int[] strata = Folds.strataOf(data.y());
        int ones = 0;
        for (int s : strata) ones += s;
        if (Math.min(ones, strata.length - ones) < 2) {
            throw new AnalysisException(NAME + ": the inner cross-validation needs at least 2 cases of each class, got "
                + ones + " of class 1 and " + (strata.length - ones) + " of class 0");
        }
        int k = Math.min(folds, data.caseCount());
        if (k < 3) throw new AnalysisException(NAME + ": the inner cross-validation needs at least 3 cases, got " + data.caseCount());
        if (!PenalisedSettings.anyPenalised(penaltyFactors, data)) return fitAt(data, 0);
        Tuning tuning = tune(data, lambdaPath(data), Folds.stratified(strata, k, seed));
        return fitAt(data, tuning.chosen(rule));
    }

    /** glmnet's lambda path for these data. */
    public double[] lambdaPath(TrainingData data) {
        return PenalisedSettings.lambdaPath(Glmnet.Family.BINOMIAL, data, data.y(), null, alpha, lambdaCount, lambdaMinRatio, penaltyFactors);
    }

    /** The inner cross-validation over {@code lambdas} with the given folds (1..K), as cv.glmnet with {@code foldid}. */
    public Tuning tune(TrainingData data, double[] lambdas, int[] foldId) {
        requireBinary(data);
        double[][] x = Checks.columns(data.x(), data.features().size());
        return Tuning.of(GlmnetCv.run(Glmnet.Family.BINOMIAL, x, data.y(), alpha, lambdas, foldId, PenalisedSettings.factorsFor(penaltyFactors, data)),
            foldId);
    }

    /** The fit on all of {@code data} at one lambda. */
    public LinearModel fitAt(TrainingData data, double lambda) {
        requireBinary(data);
        Glmnet.Fit fit = PenalisedSettings.fitAt(Glmnet.Family.BINOMIAL, data, data.y(), null, alpha, lambda, penaltyFactors);
        return new LinearModel(NAME, Outcome.BINARY, data.features(), fit.intercept(), fit.beta(), lambda, alpha);
    }

    private static void requireBinary(TrainingData data) {
        if (data.outcome() != Outcome.BINARY) throw new AnalysisException(NAME + " fits a binary outcome, not " + data.outcome());
    }

    @Override
    public String toString() {
        return PenalisedSettings.describe(NAME, alpha, folds, rule);
    }
}
