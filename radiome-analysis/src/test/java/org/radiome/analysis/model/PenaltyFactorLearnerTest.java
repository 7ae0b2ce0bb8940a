package org.radiome.analysis.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.radiome.analysis.Cohort;
import org.radiome.analysis.regression.LogisticRegression;
import org.radiome.analysis.survival.CoxModel;
import org.radiome.analysis.table.Table;

/**
 * The penalised learners with glmnet's {@code penalty.factor} by feature name: features with factor 0 are in every
 * model (whatever lambda the inner CV picks); with no feature penalised the fit is the maximum-likelihood one of
 * the independent LogisticRegression / CoxModel (checked against R's glm / coxph elsewhere); the path starts at the
 * lambda_max over the penalised features, where they are all zero.
 */
class PenaltyFactorLearnerTest {
    static final List<String> FEATURES = Cohort.featureNames().subList(0, 10);

    static TrainingData binary() {
        Table cc = Cohort.cc();
        return TrainingData.binary(FEATURES, Cohort.matrix(cc, FEATURES), cc.numeric("response"));
    }

    static TrainingData survival() {
        Table cc = Cohort.cc();
        double[] event = cc.numeric("os_event");
        int[] e = new int[event.length];
        for (int i = 0; i < e.length; i++) e[i] = (int) event[i];
        return TrainingData.survival(FEATURES, Cohort.matrix(cc, FEATURES), cc.numeric("os_time"), e);
    }

    static Map<String, Double> allZero() {
        Map<String, Double> m = new HashMap<>();
        for (String f : FEATURES) m.put(f, 0.0);
        return m;
    }

    static double[][] columns(TrainingData d) { return Checks.columns(d.x(), d.features().size()); }

    @Test
    void no_penalised_feature_gives_the_maximum_likelihood_fit() {
        TrainingData b = binary();
        LinearModel logistic = (LinearModel) new PenalisedLogistic(0.5, 5, LambdaRule.MIN, 20, 0.01).withPenaltyFactors(allZero()).fit(b, 7);
        double[] mle = LogisticRegression.fit(b.y(), columns(b), FEATURES.toArray(String[]::new), "response").coef();
        assertThat(logistic.intercept()).isCloseTo(mle[0], within(1e-7 * Math.max(1, Math.abs(mle[0]))));
        for (int j = 0; j < FEATURES.size(); j++) {
            assertThat(logistic.coefficients()[j]).isCloseTo(mle[j + 1], within(1e-7 * Math.max(1, Math.abs(mle[j + 1]))));
        }
        TrainingData s = survival();
        LinearModel cox = (LinearModel) new PenalisedCox(1, 5, LambdaRule.MIN, 20, 0.01).withPenaltyFactors(allZero()).fit(s, 7);
        double[] coef = CoxModel.fit(PenalisedCox.surv(s), columns(s), FEATURES.toArray(String[]::new), CoxModel.Ties.BRESLOW).coef();
        for (int j = 0; j < FEATURES.size(); j++) {
            assertThat(cox.coefficients()[j]).isCloseTo(coef[j], within(1e-7 * Math.max(1, Math.abs(coef[j]))));
        }
    }

    @Test
    void unpenalised_features_are_always_kept_and_the_path_starts_where_the_penalised_ones_are_zero() {
        Map<String, Double> factors = Map.of(FEATURES.get(2), 0.0, FEATURES.get(7), 0.0);
        List<Learner> learners = List.of(new PenalisedLogistic(1, 5, LambdaRule.ONE_SE, 30, 0.01).withPenaltyFactors(factors),
            new PenalisedCox(1, 5, LambdaRule.ONE_SE, 30, 0.01).withPenaltyFactors(factors));
        for (Learner learner : learners) {
            TrainingData data = learner instanceof PenalisedCox ? survival() : binary();
            double[] path = learner instanceof PenalisedCox c ? c.lambdaPath(data) : ((PenalisedLogistic) learner).lambdaPath(data);
            LinearModel top = learner instanceof PenalisedCox c ? c.fitAt(data, path[0] * 1.0001) : ((PenalisedLogistic) learner).fitAt(data, path[0] * 1.0001);
            assertThat(top.selectedFeatures()).as(learner.name()).containsExactlyInAnyOrder(FEATURES.get(2), FEATURES.get(7));
            LinearModel next = learner instanceof PenalisedCox c ? c.fitAt(data, path[1]) : ((PenalisedLogistic) learner).fitAt(data, path[1]);
            assertThat(next.selectedFeatures()).as(learner.name()).hasSizeGreaterThan(2);
            LinearModel fitted = (LinearModel) learner.fit(data, 11);
            assertThat(fitted.selectedFeatures()).as(learner.name()).contains(FEATURES.get(2), FEATURES.get(7));
        }
        // the random forest has no penalty: unchanged
        assertThat(RandomForest.defaults().withPenaltyFactors(factors)).isEqualTo(RandomForest.defaults());
    }
}
