package org.radiome.analysis.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.radiome.analysis.harmonisation.ComBat;
import org.radiome.analysis.model.FittedModel;
import org.radiome.analysis.model.Outcome;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * model.json: the study's model card (cohort, pipeline settings, features kept by each step, performance
 * overall and per subgroup, provenance) and the final fitted pipeline, with everything {@code analyze predict}
 * needs to score new cases: the harmonisation estimates, the selected features and the learner's parameters.
 * Field names are documented in README.md ("analyze study"). Only dates differ between two runs of the same
 * spec on the same data.
 */
public final class ModelCard {
    /** The card format's version, checked when reading. */
    public static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelCard() { }

    /** Writes the card; {@code learnerJson} serialises the fitted learner, {@code version} and {@code date} go to provenance. */
    public static ObjectNode write(Study.Result r, Function<FittedModel, JsonNode> learnerJson, String version, String date) {
        StudySpec spec = r.spec();
        StudyData data = r.data();
        ObjectNode root = JSON.createObjectNode();
        root.put("radiome_model_card", FORMAT);
        root.put("name", spec.name());
        root.set("outcome", outcome(spec.outcome()));
        root.set("cohort", cohort(r));
        root.set("pipeline", pipeline(spec, r.learner()));
        root.set("features", features(r));
        root.set("performance", performance(r));
        root.set("final_model", finalModel(r, learnerJson));
        ObjectNode prov = root.putObject("provenance");
        prov.put("radiome_version", version);
        prov.put("seed", spec.seed());
        prov.put("date", date);
        prov.put("spec", spec.file().toAbsolutePath().normalize().toString());
        prov.put("spec_sha256", spec.sha256());
        ArrayNode inputs = prov.putArray("inputs");
        for (StudyData.Source s : data.cohort().sources()) inputs.addObject().put("file", s.file()).put("sha256", s.sha256());
        if (spec.reproducibility() != null) {
            inputs.addObject().put("file", spec.reproducibility().table().toString()).put("sha256", data.reproducibility().sha256());
        }
        return root;
    }

    static ObjectNode outcome(StudySpec.OutcomeSpec o) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", o.type() == Outcome.BINARY ? "binary" : "survival");
        if (o.type() == Outcome.BINARY) n.put("column", o.column());
        else n.put("time", o.time()).put("event", o.event());
        return n;
    }

    private static ObjectNode cohort(Study.Result r) {
        StudyData d = r.data();
        StudyData.Cohort c = d.cohort();
        ObjectNode n = JSON.createObjectNode();
        n.put("n", d.size());
        if (d.outcome() == Outcome.BINARY) {
            int ones = 0;
            for (double v : d.y()) ones += (int) v;
            n.putObject("classes").put("0", d.size() - ones).put("1", ones);
        } else {
            int events = 0;
            for (int e : d.event()) events += e;
            n.put("events", events);
            n.put("censored", d.size() - events);
        }
        ArrayNode tables = n.putArray("tables");
        for (StudyData.Source s : c.sources()) {
            tables.addObject().put("file", s.file()).put("prefix", s.prefix()).put("rows", s.rows()).put("unmatched_rows", s.unmatched());
        }
        n.put("joined_rows", c.joinedRows());
        n.put("dropped_by_join", c.droppedByJoin());
        n.put("dropped_missing", c.droppedMissing());
        ObjectNode why = n.putObject("missing_by_column");
        c.missingByColumn().forEach(why::put);
        if (d.batch() != null) n.set("sites", counts(d.batch()));
        for (Map.Entry<String, String[]> e : d.subgroups().entrySet()) {
            if (!e.getKey().equals("site") || d.batch() == null) n.with("subgroup_sizes").set(e.getKey(), counts(e.getValue()));
        }
        return n;
    }

    private static ObjectNode counts(String[] labels) {
        TreeMap<String, Integer> m = new TreeMap<>();
        for (String s : labels) m.merge(s, 1, Integer::sum);
        ObjectNode n = JSON.createObjectNode();
        m.forEach(n::put);
        return n;
    }

    private static ObjectNode pipeline(StudySpec spec, String learner) {
        ObjectNode n = JSON.createObjectNode();
        n.put("seed", spec.seed());
        if (spec.reproducibility() != null) {
            var rp = spec.reproducibility();
            n.putObject("reproducibility").put("table", rp.table().toString()).put("icc", rp.icc()).put("min_icc", rp.minIcc())
                .put("repeat_column", rp.repeatColumn());
        }
        if (spec.harmonisation() != null) {
            ObjectNode h = n.putObject("harmonisation");
            h.put("method", "combat (parametric empirical Bayes, fitted on each training fold, applied to its test fold)");
            h.put("batch", spec.harmonisation().batch());
            h.set("covariates", JSON.valueToTree(spec.harmonisation().covariates()));
        }
        var s = spec.selection();
        ObjectNode sel = n.putObject("selection");
        sel.put("univariate", spec.outcome().type() == Outcome.BINARY ? "mann-whitney" : "cox (efron), z-scored feature");
        sel.put("adjust", "bh");
        sel.put("q_max", s.qMax());
        sel.put("fallback_top", s.fallbackTop());
        sel.put("max_abs_correlation", s.maxAbsCorrelation());
        sel.put("lasso", s.lasso());
        sel.put("lasso_lambda", s.lassoLambda());
        sel.put("lasso_folds", s.lassoFolds());
        sel.put("lasso_path_length", s.lassoPathLength());
        n.putObject("model").put("learner", learner).put("inner_folds", spec.model().innerFolds()).put("alpha", spec.model().alpha())
            .set("covariates", JSON.valueToTree(spec.model().covariates()));
        n.putObject("validation").put("scheme", "nested cross-validation, stratified outer folds")
            .put("folds", spec.validation().folds()).put("repeats", spec.validation().repeats())
            .put("bootstrap", spec.validation().bootstrap());
        return n;
    }

    private static ObjectNode features(Study.Result r) {
        StudyData d = r.data();
        ObjectNode n = JSON.createObjectNode();
        n.put("candidates", d.cohort().candidateFeatures());
        if (d.reproducibility() != null) {
            ObjectNode icc = n.putObject("icc");
            d.reproducibility().values().forEach((f, v) -> {
                if (Double.isNaN(v)) icc.putNull(f);
                else icc.put(f, v);
            });
        }
        n.set("reproducible", JSON.valueToTree(d.features()));
        Pipeline.Fitted f = r.finalFit();
        ObjectNode fin = n.putObject("final");
        fin.set("significant", JSON.valueToTree(f.significant()));
        fin.set("pruned", JSON.valueToTree(f.pruned()));
        if (f.lasso() != null) {
            fin.put("lasso_lambda", f.lasso().lambda());
            fin.put("lasso_fallback", f.lasso().fallback());
        }
        fin.set("selected", JSON.valueToTree(f.selected()));
        ObjectNode freq = n.putObject("selection_frequency");
        freq.put("outer_fits", r.foldSummaries().size());
        ObjectNode counts = freq.putObject("selected");
        r.selectionFrequency().forEach(counts::put);
        ArrayNode folds = n.putArray("folds");
        for (Study.FoldSummary s : r.foldSummaries()) {
            ObjectNode o = folds.addObject();
            o.put("repeat", s.repeat()).put("fold", s.fold()).put("train", s.train()).put("test", s.test())
                .put("significant", s.significant()).put("pruned", s.pruned());
            o.set("selected", JSON.valueToTree(s.selected()));
        }
        return n;
    }

    private static ObjectNode performance(Study.Result r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("scores", "out-of-fold, averaged over the repeats for each case");
        n.put("metric", r.metricName());
        ObjectNode overall = n.putObject("overall");
        r.overall().forEach((k, v) -> overall.set(k, estimate(v)));
        ArrayNode rep = n.putArray("per_repeat");
        for (double v : r.perRepeat()) rep.add(v);
        if (r.calibration() != null) {
            ObjectNode c = n.putObject("calibration");
            c.set("mean_predicted", JSON.valueToTree(r.calibration().meanPredicted()));
            c.set("observed", JSON.valueToTree(r.calibration().observedRate()));
            c.set("counts", JSON.valueToTree(r.calibration().counts()));
        }
        ArrayNode sub = n.putArray("subgroups");
        for (Study.Subgroup s : r.subgroups()) {
            ObjectNode o = sub.addObject();
            o.put("variable", s.variable()).put("level", s.level()).put("n", s.n());
            o.put(r.data().outcome() == Outcome.BINARY ? "positives" : "events", s.positives());
            o.set(r.metricName(), estimate(s.metric()));
            if (s.warning() != null) o.put("warning", s.warning());
        }
        return n;
    }

    private static ObjectNode estimate(Performance.Estimate e) {
        ObjectNode o = JSON.createObjectNode();
        put(o, "value", e.value());
        put(o, "lower", e.lower());
        put(o, "upper", e.upper());
        o.put("interval", e.interval());
        return o;
    }

    private static void put(ObjectNode o, String k, double v) {
        if (Double.isFinite(v)) o.put(k, v);
        else o.putNull(k);
    }

    private static ObjectNode finalModel(Study.Result r, Function<FittedModel, JsonNode> learnerJson) {
        Pipeline.Fitted f = r.finalFit();
        ObjectNode n = JSON.createObjectNode();
        n.set("outcome", outcome(r.spec().outcome()));
        n.set("features", JSON.valueToTree(f.selected()));
        if (!f.covariates().isEmpty()) {
            ArrayNode cov = n.putArray("covariates");
            for (ModelCovariates.Covariate c : f.covariates().covariates()) {
                cov.addObject().put("column", c.column()).put("numeric", c.numeric()).set("levels", JSON.valueToTree(c.levels()));
            }
            n.set("covariate_terms", JSON.valueToTree(f.covariates().terms()));
        }
        if (f.harmoniser() != null) n.set("harmonisation", harmoniser(f.harmoniser()));
        n.set("risk_cuts", JSON.valueToTree(r.riskCuts()));
        n.set("risk_groups", JSON.valueToTree(Study.riskGroupNames(r.riskCuts().length + 1)));
        n.put("risk_group_rule", "cut points at the k/" + (r.riskCuts().length + 1) + " quantiles of the final model's scores on the study "
            + "cohort; a case's group is the number of cut points strictly below its score (a score on a cut goes to the lower group)");
        n.set("learner", learnerJson.apply(f.model()));
        return n;
    }

    static ObjectNode harmoniser(Harmoniser h) {
        ComBat.Model m = h.model();
        ObjectNode o = JSON.createObjectNode();
        o.put("method", "combat");
        o.put("batch", h.batchColumn());
        o.set("batches", JSON.valueToTree(m.batches()));
        ArrayNode c = o.putArray("covariates");
        for (Harmoniser.Covariate cv : h.covariates()) {
            c.addObject().put("column", cv.column()).put("numeric", cv.numeric()).set("levels", JSON.valueToTree(cv.levels()));
        }
        o.set("covariate_terms", JSON.valueToTree(m.covariateTerms()));
        o.set("features", JSON.valueToTree(m.features()));
        o.set("grand_mean", JSON.valueToTree(m.grandMean()));
        o.set("var_pooled", JSON.valueToTree(m.varPooled()));
        o.set("covariate_coef", JSON.valueToTree(m.covariateCoef()));
        o.set("gamma_star", JSON.valueToTree(m.gammaStar()));
        o.set("delta_star", JSON.valueToTree(m.deltaStar()));
        return o;
    }

    static Harmoniser readHarmoniser(JsonNode o) {
        List<Harmoniser.Covariate> covs = new ArrayList<>();
        for (JsonNode c : o.get("covariates")) covs.add(new Harmoniser.Covariate(c.get("column").asText(), c.get("numeric").asBoolean(), strings(c.get("levels"))));
        List<String> features = strings(o.get("features"));
        ComBat.Model m = new ComBat.Model(features, strings(o.get("batches")), strings(o.get("covariate_terms")), doubles(o.get("grand_mean")),
            doubles(o.get("var_pooled")), matrix(o.get("covariate_coef")), matrix(o.get("gamma_star")), matrix(o.get("delta_star")),
            new int[0]);
        return new Harmoniser(o.get("batch").asText(), covs, m);
    }

    static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(v -> out.add(v.asText()));
        return out;
    }

    static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = a.get(i).asDouble();
        return out;
    }

    static double[][] matrix(JsonNode a) {
        double[][] out = new double[a.size()][];
        for (int i = 0; i < out.length; i++) out[i] = doubles(a.get(i));
        return out;
    }
}
