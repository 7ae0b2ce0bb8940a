package org.radiome.analysis.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** The nested cross-validation's invariants: no test-fold case informs any fitting step; same seed, same card. */
class PipelineInvariantsTest {
    @TempDir Path tmp;

    record Call(String step, int[] rows) { }

    @Test
    void every_fitting_step_of_an_outer_fold_sees_exactly_its_training_cases() {
        StudySpec spec = StudySpec.read(StudyFixtures.spec(tmp, StudyFixtures.BINARY.replace("repeats: 1", "repeats: 2") + "model: {covariates: [age, stage]}\n"));
        StudyData data = StudyData.load(spec);
        List<Call> calls = new ArrayList<>();
        Study.Result r = Study.run(spec, data, new FixedGlmnetLearner(), s -> { }, (step, rows) -> calls.add(new Call(step, rows.clone())));
        int k = spec.validation().folds();
        int fit = 0;
        List<String> steps = new ArrayList<>();
        for (Call c : calls) {
            int repeat = fit / k, fold = fit % k;
            int[] expected = repeat < r.folds().length ? Study.members(r.folds()[repeat], fold + 1, false)
                : java.util.stream.IntStream.range(0, data.size()).toArray();
            assertThat(c.rows()).as("rows of step %s in outer fit %d", c.step(), fit).containsExactly(expected);
            if (repeat < r.folds().length) {
                Set<Integer> test = new HashSet<>();
                for (int i : Study.members(r.folds()[repeat], fold + 1, true)) test.add(i);
                for (int i : c.rows()) assertThat(test).doesNotContain(i);
            }
            steps.add(c.step());
            if (c.step().equals("learner")) fit++;
        }
        assertThat(fit).isEqualTo(2 * k + 1);
        assertThat(steps).contains("combat", "univariate", "pruning", "lasso", "covariates", "learner");
        // the cohort harmonised once, by the final fit: exactly its harmoniser applied to every case
        double[][] again = r.finalFit().harmoniser().apply(data.x(), data.batch(), data.covariateText());
        assertThat(r.harmonised()).isDeepEqualTo(again);
    }

    @Test
    void scrambling_the_test_fold_changes_nothing_fitted_on_the_training_fold() {
        for (String yaml : new String[] {StudyFixtures.BINARY, StudyFixtures.SURVIVAL}) {
            StudySpec spec = StudySpec.read(StudyFixtures.spec(tmp, yaml));
            StudyData data = StudyData.load(spec);
            int n = data.size();
            int[] stratum = new int[n];
            int[] fold = org.radiome.analysis.model.Folds.stratified(stratum, 5, 3);
            int[] train = Study.members(fold, 3, false), test = Study.members(fold, 3, true);
            StudyData scrambled = scramble(data, test, new Random(99));
            Pipeline.Fitted a = Pipeline.fit(spec, data, train, new FixedGlmnetLearner(), 5, Pipeline.Trace.NONE);
            Pipeline.Fitted b = Pipeline.fit(spec, scrambled, train, new FixedGlmnetLearner(), 5, Pipeline.Trace.NONE);
            assertThat(b.univariate()).isEqualTo(a.univariate());
            assertThat(b.pruned()).isEqualTo(a.pruned());
            assertThat(b.selected()).isEqualTo(a.selected());
            assertThat(b.harmoniser().model().gammaStar()).isDeepEqualTo(a.harmoniser().model().gammaStar());
            assertThat(b.harmoniser().model().deltaStar()).isDeepEqualTo(a.harmoniser().model().deltaStar());
            assertThat(b.score(data, train)).containsExactly(a.score(data, train));
            // and the test cases' own values do reach their scores (the scramble was real)
            assertThat(b.score(scrambled, test)).isNotEqualTo(a.score(data, test));
        }
    }

    /** A copy with the test rows' features and outcomes replaced by other values. */
    static StudyData scramble(StudyData d, int[] rows, Random random) {
        double[][] x = new double[d.x().length][];
        for (int f = 0; f < x.length; f++) {
            x[f] = d.x()[f].clone();
            for (int i : rows) x[f][i] = x[f][i] * (0.5 + random.nextDouble()) + random.nextGaussian();
        }
        double[] y = d.y() == null ? null : d.y().clone();
        double[] time = d.time() == null ? null : d.time().clone();
        int[] event = d.event() == null ? null : d.event().clone();
        for (int i : rows) {
            if (y != null) y[i] = 1 - y[i];
            if (time != null) { time[i] = 1 + random.nextInt(3000); event[i] = 1 - event[i]; }
        }
        return new StudyData(d.caseIds(), d.features(), x, d.outcome(), y, time, event, d.batch(), d.covariates(), d.covariateText(),
            d.subgroups(), d.cohort(), d.reproducibility(), d.variables(), d.variableValues(), d.kmTime(), d.kmEvent(),
            d.modelCovariates(), d.modelCovariateText());
    }

    @Test
    void the_same_seed_gives_the_same_model_card_apart_from_the_date() {
        StudySpec spec = StudySpec.read(StudyFixtures.spec(tmp, StudyFixtures.SURVIVAL));
        ObjectNode a = card(spec, "2026-01-01T00:00:00Z"), b = card(spec, "2026-02-02T00:00:00Z");
        assertThat(a).isNotEqualTo(b);
        ((ObjectNode) a.get("provenance")).set("date", TextNode.valueOf("x"));
        ((ObjectNode) b.get("provenance")).set("date", TextNode.valueOf("x"));
        assertThat(a).isEqualTo(b);
        assertThat(a.at("/performance/subgroups").size()).isGreaterThanOrEqualTo(7);
    }

    private static ObjectNode card(StudySpec spec, String date) {
        StudyData data = StudyData.load(spec);
        Study.Result r = Study.run(spec, data, new FixedGlmnetLearner(), s -> { }, Pipeline.Trace.NONE);
        return ModelCard.write(r, m -> new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(
            Arrays.stream(m.predict(new double[][] {new double[m.features().size()]})).boxed().toList()), "test", date);
    }
}
