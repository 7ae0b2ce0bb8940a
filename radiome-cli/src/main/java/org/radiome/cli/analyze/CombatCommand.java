package org.radiome.cli.analyze;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.radiome.analysis.AnalysisException;
import org.radiome.analysis.harmonisation.ComBat;
import org.radiome.analysis.harmonisation.CovariateLevels;
import org.radiome.analysis.table.Table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code radiome analyze combat}: ComBat harmonisation across batches (scanners, sites). */
@Command(name = "combat", mixinStandardHelpOptions = true,
        description = {"ComBat harmonisation across batches (sites, scanners).",
            "Parametric empirical Bayes, as sva::ComBat(par.prior = TRUE).",
            "Fits on the --data table and writes it harmonised; --save-model keeps the estimates, and --model",
            "applies saved estimates to another table (fit on the training fold, apply to the test fold)."},
        footer = {"", "Examples:",
            "  radiome analyze combat --data train.csv --data clinical.csv --batch site --covariates stage \\",
            "      --features all --harmonised train_h.csv --save-model combat.json",
            "  radiome analyze combat --data test.csv --data clinical.csv --model combat.json --harmonised test_h.csv"})
final class CombatCommand extends AnalysisCommand {
    @Option(names = "--batch", paramLabel = "COL", description = "The batch column (required when fitting).")
    String batch;

    @Option(names = "--covariates", split = ",", paramLabel = "C",
            description = "Biological covariates to preserve: numeric columns as they are, others as factors (levels in "
                + "String order, as R's factor(); the first is the baseline).")
    List<String> covariates = List.of();

    @Option(names = "--features", split = ",", paramLabel = "COLS|all",
            description = "Features to harmonise; 'all' means every column of the first --data file (required when fitting).")
    List<String> features;

    @Option(names = "--harmonised", required = true, paramLabel = "FILE.csv", description = "Where to write case_id and the harmonised features.")
    Path harmonised;

    @Option(names = "--save-model", paramLabel = "FILE.json", description = "Write the fitted estimates here.")
    Path saveModel;

    @Option(names = "--model", paramLabel = "FILE.json", description = "Apply these saved estimates instead of fitting.")
    Path model;

    /** How one covariate column becomes design columns. */
    record Covariate(String column, boolean numeric, List<String> levels) {
        List<String> terms() {
            if (numeric) return List.of(column);
            return levels.subList(1, levels.size()).stream().map(l -> column + "=" + l).toList();
        }
    }

    @Override
    void analyse(Table table, ObjectNode root) {
        if (model != null) apply(table, root);
        else fit(table, root);
    }

    private void fit(Table table, ObjectNode root) {
        if (batch == null || features == null) throw new AnalysisException("fitting needs --batch and --features (or give --model to apply saved estimates)");
        table.require(batch);
        List<String> feats = new ArrayList<>(columns(table, features));
        feats.remove(batch);
        feats.removeAll(covariates);
        List<String> used = new ArrayList<>(feats);
        used.add(batch);
        used.addAll(covariates);
        for (String c : used) table.require(c);
        int[] rows = completeRows(table, used, root);
        if (rows.length == 0) throw new AnalysisException("no case has every feature, the batch and the covariates");
        List<Covariate> covs = new ArrayList<>();
        for (String c : covariates) covs.add(describe(table, c, rows));
        Columns.Groups groups = Columns.groups(table, batch, rows);
        double[][] data = matrix(table, feats, rows);
        List<String> terms = new ArrayList<>();
        for (Covariate c : covs) terms.addAll(c.terms());
        double[][] design = design(table, covs, rows);
        ComBat.Model fitted = ComBat.fit(data, feats, groups.index(), groups.levels(), design, terms);
        write(table, rows, feats, fitted.apply(data, groups.index(), design));
        if (saveModel != null) save(fitted, covs);
        summary(root, fitted, groups.index(), rows.length);
    }

    private void apply(Table table, ObjectNode root) {
        if (features != null || !covariates.isEmpty()) throw new AnalysisException("--model carries its features and covariates; do not give --features or --covariates");
        JsonNode m;
        try {
            m = JSON.readTree(model.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new AnalysisException(model + ": file not found");
        } catch (IOException e) {
            throw new AnalysisException(model + ": not a ComBat model: " + e.getMessage());
        }
        if (m == null || !"combat".equals(m.path("model").asText())) throw new AnalysisException(model + ": not a ComBat model");
        String batchColumn = m.get("batch").asText();
        if (batch != null && !batch.equals(batchColumn)) throw new AnalysisException(model + " was fitted with --batch " + batchColumn);
        List<String> feats = strings(m.get("features")), batches = strings(m.get("batches"));
        List<Covariate> covs = new ArrayList<>();
        for (JsonNode c : m.get("covariates")) covs.add(new Covariate(c.get("column").asText(), c.get("numeric").asBoolean(), strings(c.get("levels"))));
        List<String> terms = new ArrayList<>();
        for (Covariate c : covs) terms.addAll(c.terms());
        int g = feats.size();
        ComBat.Model fitted = new ComBat.Model(feats, batches, terms, doubles(m.get("grand_mean")), doubles(m.get("var_pooled")),
            matrix(m.get("covariate_coef"), terms.size()), matrix(m.get("gamma_star"), batches.size()),
            matrix(m.get("delta_star"), batches.size()), new int[batches.size()]);
        if (fitted.grandMean().length != g) throw new AnalysisException(model + ": inconsistent model");
        List<String> used = new ArrayList<>(feats);
        used.add(batchColumn);
        for (Covariate c : covs) used.add(c.column());
        for (String c : used) table.require(c);
        int[] rows = completeRows(table, used, root);
        Map<String, Integer> batchIndex = new HashMap<>();
        for (int b = 0; b < batches.size(); b++) batchIndex.put(batches.get(b), b);
        String[] text = table.text(batchColumn);
        int[] index = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            Integer b = batchIndex.get(text[rows[i]]);
            if (b == null) throw new AnalysisException("batch " + batchColumn + " = " + text[rows[i]] + " is not in " + model + " (fitted on " + batches + ")");
            index[i] = b;
        }
        double[][] data = matrix(table, feats, rows);
        write(table, rows, feats, fitted.apply(data, index, design(table, covs, rows)));
        root.put("applied_model", model.toString());
        summary(root, fitted, index, rows.length);
    }

    private static Covariate describe(Table t, String column, int[] rows) {
        CovariateLevels d = CovariateLevels.of(t.text(column), rows);
        if (d.levels().size() < 2) throw new AnalysisException("covariate " + column + " has one level among the cases used");
        return new Covariate(column, d.numeric(), d.codedLevels());
    }

    private static double[][] design(Table t, List<Covariate> covs, int[] rows) {
        List<double[]> cols = new ArrayList<>();
        for (Covariate c : covs) {
            if (c.numeric()) {
                cols.add(numeric(t, c.column(), rows));
                continue;
            }
            String[] text = t.text(c.column());
            for (int r : rows) {
                if (!c.levels().contains(text[r])) throw new AnalysisException("covariate " + c.column() + " = " + text[r] + " is not a level the model knows " + c.levels());
            }
            CovariateLevels.addDummies(c.levels(), text, rows, cols);
        }
        return cols.toArray(double[][]::new);
    }

    private static double[][] matrix(Table t, List<String> feats, int[] rows) {
        double[][] data = new double[feats.size()][];
        for (int f = 0; f < data.length; f++) data[f] = numeric(t, feats.get(f), rows);
        return data;
    }

    private void write(Table table, int[] rows, List<String> feats, double[][] values) {
        List<String> lines = new ArrayList<>();
        lines.add(Table.CASE_ID + "," + String.join(",", feats));
        for (int i = 0; i < rows.length; i++) {
            StringBuilder sb = new StringBuilder(table.caseIds().get(rows[i]));
            for (double[] v : values) sb.append(',').append(v[i]);
            lines.add(sb.toString());
        }
        try {
            Files.write(harmonised, lines);
        } catch (IOException e) {
            throw new AnalysisException(harmonised + ": cannot write: " + e.getMessage());
        }
    }

    private void save(ComBat.Model m, List<Covariate> covs) {
        ObjectNode o = JSON.createObjectNode();
        o.put("model", "combat");
        o.put("method", "parametric empirical Bayes, location and scale (sva::ComBat par.prior = TRUE, mean.only = FALSE)");
        o.put("batch", batch);
        o.set("features", JSON.valueToTree(m.features()));
        o.set("batches", JSON.valueToTree(m.batches()));
        ArrayNode c = o.putArray("covariates");
        for (Covariate cv : covs) {
            ObjectNode n = c.addObject();
            n.put("column", cv.column());
            n.put("numeric", cv.numeric());
            n.set("levels", JSON.valueToTree(cv.levels()));
        }
        o.set("covariate_terms", JSON.valueToTree(m.covariateTerms()));
        o.set("grand_mean", JSON.valueToTree(m.grandMean()));
        o.set("var_pooled", JSON.valueToTree(m.varPooled()));
        o.set("covariate_coef", JSON.valueToTree(m.covariateCoef()));
        o.set("gamma_star", JSON.valueToTree(m.gammaStar()));
        o.set("delta_star", JSON.valueToTree(m.deltaStar()));
        try {
            JSON.writeValue(saveModel.toFile(), o);
        } catch (IOException e) {
            throw new AnalysisException(saveModel + ": cannot write: " + e.getMessage());
        }
    }

    private void summary(ObjectNode root, ComBat.Model m, int[] index, int n) {
        root.put("n", n);
        root.put("features", m.features().size());
        ObjectNode sizes = root.putObject("batch_sizes");
        for (int b = 0; b < m.batches().size(); b++) {
            final int level = b;
            sizes.put(m.batches().get(b), java.util.Arrays.stream(index).filter(i -> i == level).count());
        }
        root.set("covariate_terms", JSON.valueToTree(m.covariateTerms()));
        root.put("harmonised", harmonised.toString());
        if (saveModel != null) root.put("saved_model", saveModel.toString());
    }

    private static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = a.get(i).asDouble();
        return out;
    }

    private static double[][] matrix(JsonNode a, int rows) {
        if (a.size() != rows) throw new AnalysisException("inconsistent ComBat model");
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) out[i] = doubles(a.get(i));
        return out;
    }
}
