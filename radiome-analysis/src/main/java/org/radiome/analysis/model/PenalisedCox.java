package org.radiome.analysis.model;

import java.util.Map;

import org.radiome.analysis.AnalysisException;
import org.radiome.analysis.penalized.Glmnet;
import org.radiome.analysis.penalized.GlmnetCv;
import org.radiome.analysis.survival.SurvivalData;

/**
 * The Cox lasso / elastic net (Breslow partial likelihood, {@link Glmnet}'s cox family) with lambda chosen by an
 * inner, seeded k-fold cross-validation on the partial-likelihood deviance, as
 * {@code cv.glmnet(x, Surv(time, event), family = "cox", alpha, nfolds)} then {@code coef(fit, s = ...)}
 * ({@link GlmnetCv}). The lambda path is glmnet's ({@link LambdaPath}); folds are drawn from {@code seed},
 * stratified by event status ({@link Folds}). The model scores the linear predictor x . b (larger = higher
 * hazard). Immutable and thread-safe.
 *
 * @param alpha          the elastic-net mixing, 1 = lasso
 * @param folds          inner cross-validation folds, at least 3
 * @param rule           lambda.min or lambda.1se
 * @param lambdaCount    length of the lambda path
 * @param lambdaMinRatio smallest lambda as a fraction of lambda_max; NaN for glmnet's default
 * @param penaltyFactors glmnet's {@code penalty.factor} by feature name (a feature not named: 1; 0: unpenalised,
 *                       in every model); rescaled as glmnet does to sum to the number of features, and the lambda
 *                       path's lambda_max taken over the penalised features at the model with the unpenalised ones
 *                       fitted ({@link LambdaPath}). With no penalised feature at all (where glmnet stops) the fit is
 *                       the unpenalised one, lambda 0, without inner cross-validation.
 */
public record PenalisedCox(double alpha, int folds, LambdaRule rule, int lambdaCount, double lambdaMinRatio,
                                Map<String, Double> penaltyFactors) implements Learner {
    public static final String NAME = "penalised-cox";

    public PenalisedCox {
        penaltyFactors = PenalisedSettings.validate(alpha, folds, rule, lambdaCount, lambdaMinRatio, penaltyFactors);
    }

    /** Every feature penalised alike (penalty factors all 1). */
    public PenalisedCox(double alpha, int folds, LambdaRule rule, int lambdaCount, double lambdaMinRatio) {
        this(alpha, folds, rule, lambdaCount, lambdaMinRatio, Map.of());
    }

    @Override
    public PenalisedCox withPenaltyFactors(Map<String, Double> factors) {
        return new PenalisedCox(alpha, folds, rule, lambdaCount, lambdaMinRatio, factors);
    }

    /** cv.glmnet's defaults: 10 folds, lambda.min, 100 lambdas down to glmnet's own ratio (see {@link PenalisedLogistic#of}). */
    public static PenalisedCox of(double alpha) {
        return new PenalisedCox(alpha, 10, LambdaRule.MIN, 100, Double.NaN);
    }

    @Override
    public String name() { return NAME; }

    @Override
    public boolean supports(Outcome outcome) { return outcome == Outcome.SURVIVAL; }

    @Override
    public LinearModel fit(TrainingData data, long seed) {
        requireSurvival(data);
        Checks.trainable(data, NAME);
        int events = 0;
        for (int e : data.event()) events += e;
        int k = Math.min(folds, events);
        if (k < 3) throw new AnalysisException(NAME + ": the inner cross-validation needs at least 3 events, got " + events);
        if (!PenalisedSettings.anyPenalised(penaltyFactors, data)) return fitAt(data, 0);
        int[] strata = data.event().clone();
        Tuning tuning = tune(data, lambdaPath(data), Folds.stratified(strata, k, seed));
        return fitAt(data, tuning.chosen(rule));
    }

    public double[] lambdaPath(TrainingData data) {
        return PenalisedSettings.lambdaPath(Glmnet.Family.COX, data, null, surv(data), alpha, lambdaCount, lambdaMinRatio, penaltyFactors);
    }

    /** The inner cross-validation over {@code lambdas} with the given folds (1..K). */
    public Tuning tune(TrainingData data, double[] lambdas, int[] foldId) {
        requireSurvival(data);
        if (foldId.length != data.caseCount()) throw new IllegalArgumentException("one fold id per case is needed");
        double[][] x = Checks.columns(data.x(), data.features().size());
        return Tuning.of(GlmnetCv.run(Glmnet.Family.COX, x, null, surv(data), alpha, lambdas, foldId, PenalisedSettings.factorsFor(penaltyFactors, data)),
            foldId);
    }

    public LinearModel fitAt(TrainingData data, double lambda) {
        requireSurvival(data);
        Glmnet.Fit fit = PenalisedSettings.fitAt(Glmnet.Family.COX, data, null, surv(data), alpha, lambda, penaltyFactors);
        return new LinearModel(NAME, Outcome.SURVIVAL, data.features(), 0, fit.beta(), lambda, alpha);
    }

    static SurvivalData surv(TrainingData data) {
        boolean[] e = new boolean[data.caseCount()];
        for (int i = 0; i < e.length; i++) e[i] = data.event()[i] == 1;
        return new SurvivalData(data.time(), e);
    }

    private static void requireSurvival(TrainingData data) {
        if (data.outcome() != Outcome.SURVIVAL) throw new AnalysisException(NAME + " fits a survival outcome, not " + data.outcome());
    }

    @Override
    public String toString() {
        return PenalisedSettings.describe(NAME, alpha, folds, rule);
    }
}
