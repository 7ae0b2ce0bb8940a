package org.radiome.analysis.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.radiome.analysis.metrics.RiskGroups;
import org.radiome.analysis.model.FittedModel;
import org.radiome.analysis.table.Table;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Scores new cases with a study's model.json: the same harmonisation (for cases of the sites the model was
 * fitted on), the selected features, the fitted learner, and the risk group by the stored cut points
 * ({@link RiskGroups#assign}).
 */
public record Predictor(List<String> features, ModelCovariates covariates, Harmoniser harmoniser, FittedModel model, double[] riskCuts, List<String> riskGroups) {

    /** Scores of the cases that could be scored, and how many were left out for a missing value (per column). */
    public record Scores(List<String> caseIds, double[] score, String[] riskGroup, int skipped, Map<String, Integer> missingByColumn) { }

    /** Reads the final model of a model card; {@code learnerReader} turns the learner's JSON back into a model. */
    public static Predictor read(JsonNode card, String source, Function<JsonNode, FittedModel> learnerReader) {
        if (card == null || !card.has("radiome_model_card") || !card.has("final_model")) {
            throw new StudyException(source + ": not a Radiome model card (no radiome_model_card / final_model)");
        }
        if (card.get("radiome_model_card").asInt() != ModelCard.FORMAT) {
            throw new StudyException(source + ": model card format " + card.get("radiome_model_card").asText() + " is not supported (expected " + ModelCard.FORMAT + ")");
        }
        JsonNode fm = card.get("final_model");
        List<String> features = ModelCard.strings(fm.get("features"));
        Harmoniser h = fm.has("harmonisation") ? ModelCard.readHarmoniser(fm.get("harmonisation")).subset(features) : null;
        FittedModel model = learnerReader.apply(fm.get("learner"));
        List<ModelCovariates.Covariate> covs = new ArrayList<>();
        if (fm.has("covariates")) {
            for (JsonNode c : fm.get("covariates")) {
                covs.add(new ModelCovariates.Covariate(c.get("column").asText(), c.get("numeric").asBoolean(), ModelCard.strings(c.get("levels"))));
            }
        }
        ModelCovariates covariates = new ModelCovariates(covs);
        List<String> columns = new ArrayList<>(features);
        columns.addAll(covariates.terms());
        if (!model.features().equals(columns)) {
            throw new StudyException(source + ": the learner's features differ from final_model.features and its covariate terms");
        }
        double[] cuts;
        List<String> groups;
        if (fm.has("risk_cuts")) {
            cuts = ModelCard.doubles(fm.get("risk_cuts"));
            groups = ModelCard.strings(fm.get("risk_groups"));
        } else { // cards written before risk_cuts: one median cut, high when score >= it
            cuts = new double[] {Math.nextDown(fm.get("risk_cut").asDouble())};
            groups = List.of("low", "high");
        }
        if (groups.size() != cuts.length + 1) throw new StudyException(source + ": final_model.risk_groups must name one group more than risk_cuts");
        return new Predictor(features, covariates, h, model, cuts, groups);
    }

    /** The columns the new table must have. */
    public List<String> requiredColumns() {
        List<String> out = new ArrayList<>(features);
        for (String c : covariates.columns()) if (!out.contains(c)) out.add(c);
        if (harmoniser != null) {
            out.add(harmoniser.batchColumn());
            for (Harmoniser.Covariate c : harmoniser.covariates()) out.add(c.column());
        }
        return out;
    }

    public Scores score(Table t) {
        for (String c : requiredColumns()) {
            if (!t.hasColumn(c)) {
                throw new StudyException("the model needs column " + c + ", which is in none of the --data tables ("
                    + String.join(", ", t.sources()) + "); give the tables and prefixes used for the study");
            }
        }
        Map<String, Integer> missing = new LinkedHashMap<>();
        for (String c : requiredColumns()) {
            int m = 0;
            for (int i = 0; i < t.rowCount(); i++) if (t.isMissing(c, i)) m++;
            if (m > 0) missing.put(c, m);
        }
        int[] rows = t.completeRows(requiredColumns());
        Table s = t.rows(rows);
        double[][] x = new double[features.size()][];
        for (int f = 0; f < x.length; f++) x[f] = s.numeric(features.get(f));
        if (harmoniser != null && rows.length > 0) {
            String[][] cov = new String[harmoniser.covariates().size()][];
            for (int c = 0; c < cov.length; c++) cov[c] = s.text(harmoniser.covariates().get(c).column());
            x = harmoniser.apply(x, s.text(harmoniser.batchColumn()), cov);
        }
        if (!covariates.isEmpty()) {
            String[][] text = covariates.columns().stream().map(s::text).toArray(String[][]::new);
            x = Pipeline.append(x, covariates.design(text, java.util.stream.IntStream.range(0, rows.length).toArray()));
        }
        double[] score = rows.length == 0 ? new double[0] : model.predict(Pipeline.rowMajor(x));
        String[] group = new String[score.length];
        int[] g = RiskGroups.assign(score, riskCuts);
        for (int i = 0; i < score.length; i++) group[i] = riskGroups.get(g[i]);
        return new Scores(s.caseIds(), score, group, t.rowCount() - rows.length, missing);
    }
}
