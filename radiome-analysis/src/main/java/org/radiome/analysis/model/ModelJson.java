package org.radiome.analysis.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.radiome.analysis.AnalysisException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A fitted model as JSON, the {@code model} section of model.json, and back. Numbers are written in full double
 * precision (Jackson writes the shortest decimal that reads back to the same double), so a model read back
 * predicts exactly what it predicted before.
 *
 * <pre>{@code
 * {"format": "radiome-model", "version": 1, "learner": "penalised-logistic", "outcome": "binary",
 *  "features": ["f1", "f2"],
 *  "linear": {"intercept": -0.6, "coefficients": {"f1": 0.1, "f2": 0}, "lambda": 0.03, "alpha": 0.5}}
 * {"format": "radiome-model", "version": 1, "learner": "random-forest", "outcome": "binary", "features": [...],
 *  "forest": {"trees": 500, "encoding": "tribuo-protobuf-base64", "data": "..."}}
 * }</pre>
 * Linear models (penalised logistic, penalised Cox) are stored as their coefficients on the original feature
 * scale; a survival model's intercept is 0 and its score is the linear predictor. Thread-safe.
 */
public final class ModelJson {
    public static final String FORMAT = "radiome-model";
    public static final int VERSION = 1;
    static final String FOREST_ENCODING = "tribuo-protobuf-base64";

    private ModelJson() { }

    public static JsonNode write(FittedModel model) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("learner", model.learner());
        root.put("outcome", model.outcome().name().toLowerCase(Locale.ROOT));
        model.features().forEach(root.putArray("features")::add);
        if (model instanceof LinearModel m) {
            ObjectNode linear = root.putObject("linear");
            linear.put("intercept", m.intercept());
            ObjectNode coef = linear.putObject("coefficients");
            double[] c = m.coefficients();
            for (int j = 0; j < c.length; j++) coef.put(m.features().get(j), c[j]);
            linear.put("lambda", m.lambda());
            linear.put("alpha", m.alpha());
        } else if (model instanceof ForestModel f) {
            ObjectNode forest = root.putObject("forest");
            forest.put("trees", f.trees());
            forest.put("encoding", FOREST_ENCODING);
            forest.put("data", f.toBase64());
        } else {
            throw new IllegalArgumentException("no JSON form for " + model.getClass().getName());
        }
        return root;
    }

    /** @throws AnalysisException naming the field when the JSON is not a model this version can read */
    public static FittedModel read(JsonNode json) {
        if (json == null || !json.isObject()) throw new AnalysisException("model: expected a JSON object");
        if (!FORMAT.equals(text(json, "format"))) throw new AnalysisException("model: format must be \"" + FORMAT + "\"");
        int version = required(json, "version").asInt();
        if (version != VERSION) throw new AnalysisException("model: version " + version + " is not supported (expected " + VERSION + ")");
        String learner = text(json, "learner");
        Outcome outcome;
        try {
            outcome = Outcome.valueOf(text(json, "outcome").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AnalysisException("model: unknown outcome \"" + text(json, "outcome") + "\"");
        }
        JsonNode featureNode = required(json, "features");
        if (!featureNode.isArray() || featureNode.isEmpty()) throw new AnalysisException("model: features must be a non-empty array");
        List<String> features = new ArrayList<>();
        featureNode.forEach(f -> features.add(f.asText()));
        if (json.has("linear")) {
            JsonNode linear = json.get("linear");
            JsonNode coef = required(linear, "coefficients");
            if (coef.size() != features.size()) {
                throw new AnalysisException("model: " + coef.size() + " coefficients for " + features.size() + " features");
            }
            double[] c = new double[features.size()];
            for (int j = 0; j < c.length; j++) c[j] = number(coef, features.get(j));
            return new LinearModel(learner, outcome, features, number(linear, "intercept"), c, number(linear, "lambda"), number(linear, "alpha"));
        }
        if (json.has("forest")) {
            JsonNode forest = json.get("forest");
            if (!FOREST_ENCODING.equals(text(forest, "encoding"))) {
                throw new AnalysisException("model: forest encoding must be \"" + FOREST_ENCODING + "\"");
            }
            if (outcome != Outcome.BINARY) throw new AnalysisException("model: a forest must have a binary outcome");
            return ForestModel.fromBase64(features, text(forest, "data"));
        }
        throw new AnalysisException("model: neither a linear nor a forest section");
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) throw new AnalysisException("model: missing field \"" + field + "\"");
        return v;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = required(node, field);
        if (!v.isTextual()) throw new AnalysisException("model: field \"" + field + "\" must be a string");
        return v.asText();
    }

    private static double number(JsonNode node, String field) {
        JsonNode v = required(node, field);
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) throw new AnalysisException("model: field \"" + field + "\" must be a finite number");
        return v.asDouble();
    }

}
