package org.radiome.analysis.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.radiome.analysis.AnalysisException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

/** A model written to JSON text and read back predicts exactly what it predicted before. */
class ModelJsonTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static FittedModel roundTrip(FittedModel m) throws Exception {
        String text = JSON.writeValueAsString(ModelJson.write(m));
        return ModelJson.read(JSON.readTree(text));
    }

    @Test
    void penalised_logistic_round_trip_predicts_identically() throws Exception {
        TrainingData data = PenalisedLogisticTest.enetData();
        LinearModel m = PenalisedLogistic.of(0.5).fitAt(data, 0.03);
        FittedModel back = roundTrip(m);
        assertThat(back).isInstanceOf(LinearModel.class);
        assertThat(back.learner()).isEqualTo(PenalisedLogistic.NAME);
        assertThat(back.features()).isEqualTo(m.features());
        assertThat(back.predict(data.x())).containsExactly(m.predict(data.x()));
        JsonNode json = ModelJson.write(m);
        assertThat(json.get("linear").get("coefficients").get("szm_sze_3D").asDouble()).isEqualTo(m.coefficients()[m.features().indexOf("szm_sze_3D")]);
    }

    @Test
    void penalised_cox_round_trip_predicts_identically() throws Exception {
        TrainingData data = PenalisedCoxTest.coxData();
        LinearModel m = PenalisedCox.of(1).fitAt(data, 0.05);
        FittedModel back = roundTrip(m);
        assertThat(back.outcome()).isEqualTo(Outcome.SURVIVAL);
        assertThat(back.predict(data.x())).containsExactly(m.predict(data.x()));
    }

    @Test
    void random_forest_round_trip_predicts_identically() throws Exception {
        TrainingData data = PenalisedLogisticTest.enetData();
        ForestModel m = new RandomForest(40, Integer.MAX_VALUE, Double.NaN, 1).fit(data, 9);
        FittedModel back = roundTrip(m);
        assertThat(back).isInstanceOf(ForestModel.class);
        assertThat(((ForestModel) back).trees()).isEqualTo(40);
        assertThat(back.predict(data.x())).containsExactly(m.predict(data.x()));
    }

    @Property(tries = 200)
    void linear_models_survive_any_finite_coefficients(@ForAll @Size(min = 1, max = 8) List<@DoubleRange(min = -1e300, max = 1e300) Double> coef,
                                                        @ForAll @DoubleRange(min = -50, max = 50) double intercept) throws Exception {
        List<String> names = new ArrayList<>();
        double[] c = new double[coef.size()];
        for (int j = 0; j < c.length; j++) { names.add("f" + j); c[j] = coef.get(j); }
        LinearModel m = new LinearModel("penalised-logistic", Outcome.BINARY, names, intercept, c, 0.1, 1);
        LinearModel back = (LinearModel) roundTrip(m);
        assertThat(back.coefficients()).containsExactly(c);
        assertThat(back.intercept()).isEqualTo(intercept);
    }

    @Test
    void malformed_models_are_refused_naming_the_field() throws Exception {
        ObjectNode json = (ObjectNode) ModelJson.write(new LinearModel("penalised-logistic", Outcome.BINARY, List.of("a"), 0, new double[] {1}, 0.1, 1));
        ObjectNode noFeatures = json.deepCopy();
        noFeatures.remove("features");
        assertThatThrownBy(() -> ModelJson.read(noFeatures)).isInstanceOf(AnalysisException.class).hasMessageContaining("\"features\"");
        ObjectNode wrongVersion = json.deepCopy();
        wrongVersion.put("version", 99);
        assertThatThrownBy(() -> ModelJson.read(wrongVersion)).isInstanceOf(AnalysisException.class).hasMessageContaining("version 99");
        ObjectNode missingCoefficient = json.deepCopy();
        ((ObjectNode) missingCoefficient.get("linear").get("coefficients")).remove("a");
        ((ObjectNode) missingCoefficient.get("linear").get("coefficients")).put("b", 1.0);
        assertThatThrownBy(() -> ModelJson.read(missingCoefficient)).isInstanceOf(AnalysisException.class).hasMessageContaining("\"a\"");
        ObjectNode badForest = json.deepCopy();
        badForest.remove("linear");
        badForest.putObject("forest").put("encoding", "tribuo-protobuf-base64").put("data", "bm90IGEgbW9kZWw=");
        assertThatThrownBy(() -> ModelJson.read(badForest)).isInstanceOf(AnalysisException.class).hasMessageContaining("forest");
    }
}
