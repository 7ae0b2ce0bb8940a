package org.radiome.analysis.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.radiome.analysis.penalized.Glmnet;
import org.radiome.analysis.survival.SurvivalData;

/**
 * What {@link PenalisedLogistic} and {@link PenalisedCox} share (records cannot extend a common base): the
 * validation of their settings, glmnet's per-feature penalty factors, the lambda path and the fit at one lambda.
 * They differ only in the glmnet family, the response and the inner cross-validation's folds and scoring.
 */
final class PenalisedSettings {
    private PenalisedSettings() { }

    /** Checks the settings; returns an immutable copy of {@code penaltyFactors}. */
    static Map<String, Double> validate(double alpha, int folds, LambdaRule rule, int lambdaCount, double lambdaMinRatio,
                                        Map<String, Double> penaltyFactors) {
        if (!(alpha >= 0 && alpha <= 1)) throw new IllegalArgumentException("alpha must lie in [0, 1], was " + alpha);
        if (folds < 3) throw new IllegalArgumentException("the inner cross-validation needs at least 3 folds, was " + folds);
        Objects.requireNonNull(rule, "rule");
        if (lambdaCount < 2) throw new IllegalArgumentException("the lambda path needs at least 2 values, was " + lambdaCount);
        if (!Double.isNaN(lambdaMinRatio) && !(lambdaMinRatio > 0 && lambdaMinRatio < 1)) {
            throw new IllegalArgumentException("lambda min ratio must lie in (0, 1), was " + lambdaMinRatio);
        }
        Map<String, Double> copy = Map.copyOf(penaltyFactors);
        for (Map.Entry<String, Double> e : copy.entrySet()) {
            if (!(e.getValue() >= 0) || Double.isInfinite(e.getValue())) {
                throw new IllegalArgumentException("the penalty factor of " + e.getKey() + " must be a finite number >= 0, was " + e.getValue());
            }
        }
        return copy;
    }

    /** The penalty factors of the data's features in their order (null when all are 1, glmnet's default). */
    static double[] factorsFor(Map<String, Double> penaltyFactors, TrainingData data) {
        if (penaltyFactors.isEmpty()) return null;
        double[] vp = new double[data.features().size()];
        for (int j = 0; j < vp.length; j++) vp[j] = penaltyFactors.getOrDefault(data.features().get(j), 1.0);
        return vp;
    }

    /**
     * Whether some feature is penalised (else the fit is the unpenalised one). Only called after
     * {@link Checks#trainable}, which refuses constant features, so every penalised feature can enter.
     */
    static boolean anyPenalised(Map<String, Double> penaltyFactors, TrainingData data) {
        double[] vp = factorsFor(penaltyFactors, data);
        if (vp == null) return true;
        for (double f : vp) if (f > 0) return true;
        return false;
    }

    /** glmnet's lambda path for these data ({@code y} for the binomial family, {@code surv} for the cox one). */
    static double[] lambdaPath(Glmnet.Family family, TrainingData data, double[] y, SurvivalData surv, double alpha,
                               int lambdaCount, double lambdaMinRatio, Map<String, Double> penaltyFactors) {
        double[][] x = Checks.columns(data.x(), data.features().size());
        double ratio = Double.isNaN(lambdaMinRatio) ? LambdaPath.defaultMinRatio(data.caseCount(), x.length) : lambdaMinRatio;
        return LambdaPath.sequence(Glmnet.lambdaMax(family, x, y, surv, alpha, factorsFor(penaltyFactors, data)), lambdaCount, ratio);
    }

    /** glmnet's fit on all of {@code data} at one lambda. */
    static Glmnet.Fit fitAt(Glmnet.Family family, TrainingData data, double[] y, SurvivalData surv, double alpha,
                            double lambda, Map<String, Double> penaltyFactors) {
        double[][] x = Checks.columns(data.x(), data.features().size());
        return Glmnet.fit(family, x, y, surv, alpha, new double[] {lambda}, factorsFor(penaltyFactors, data)).get(0);
    }

    static String describe(String name, double alpha, int folds, LambdaRule rule) {
        return name + List.of("alpha=" + alpha, "folds=" + folds, "lambda=" + rule);
    }
}
