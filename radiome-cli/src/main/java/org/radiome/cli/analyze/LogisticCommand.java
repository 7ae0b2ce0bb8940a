package org.radiome.cli.analyze;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.radiome.analysis.AnalysisException;
import org.radiome.analysis.regression.DeLong;
import org.radiome.analysis.regression.LogisticRegression;
import org.radiome.analysis.table.Table;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code radiome analyze logistic}: logistic regression with the AUC of its fitted probabilities. */
@Command(name = "logistic", mixinStandardHelpOptions = true,
        description = {"Logistic regression with the AUC of its fitted probabilities.",
            "As glm(Y ~ C1 + C2 + ..., family = binomial); the AUC with DeLong's 95 % CI as pROC::roc and",
            "ci.auc(method = \"delong\")."},
        footer = {"", "Example:",
            "  radiome analyze logistic --data features.csv --data clinical.csv --response response \\",
            "      --covariates cm_energy_3D_avg,szm_sze_3D --standardize"})
final class LogisticCommand extends AnalysisCommand {
    @Option(names = "--response", required = true, paramLabel = "Y", description = "0/1 response.")
    String response;

    @Option(names = "--covariates", required = true, split = ",", paramLabel = "C", description = "Numeric covariates.")
    List<String> covariates;

    @Option(names = "--standardize", arity = "0..1", fallbackValue = "all", paramLabel = "C,...",
            description = "z-score covariates (n-1 SD, as R's scale); alone: all; =C1,C2: only those. Terms are named z_<covariate>.")
    String standardize;

    @Option(names = "--predictions", paramLabel = "FILE.csv", description = "Also write case_id and the fitted probability of each case used.")
    Path predictions;

    @Override
    void analyse(Table table, ObjectNode root) {
        List<String> used = new ArrayList<>(List.of(response));
        used.addAll(covariates);
        for (String c : used) table.require(c);
        int[] rows = completeRows(table, used, root);
        double[] y = numeric(table, response, rows);
        Columns.Design design = Columns.design(table, covariates, Columns.standardized(standardize, covariates), rows);
        LogisticRegression fit = LogisticRegression.fit(y, design.x(), design.names(), response);
        root.put("n", rows.length);
        root.put("events", (int) java.util.Arrays.stream(y).sum());
        ArrayNode terms = root.putArray("terms");
        for (int j = 0; j < fit.coef().length; j++) {
            ObjectNode o = terms.addObject();
            o.put("term", j == 0 ? "(Intercept)" : design.names()[j - 1]);
            o.put("coef", fit.coef()[j]);
            o.put("se", fit.se()[j]);
            o.put("z", fit.coef()[j] / fit.se()[j]);
            o.put("p", fit.p(j));
        }
        root.put("deviance", fit.deviance());
        root.put("null_deviance", fit.nullDeviance());
        root.put("aic", fit.aic());
        root.put("df_residual", rows.length - fit.coef().length);
        DeLong.Auc auc = DeLong.auc(y, fit.fitted());
        root.put("auc", auc.auc());
        root.putArray("auc_ci").add(auc.lower()).add(auc.upper());
        root.put("auc_var", auc.variance());
        if (predictions != null) writePredictions(table, rows, fit.fitted());
    }

    private void writePredictions(Table table, int[] rows, double[] fitted) {
        List<String> lines = new ArrayList<>(List.of("case_id,probability"));
        for (int i = 0; i < rows.length; i++) lines.add(table.caseIds().get(rows[i]) + "," + fitted[i]);
        try {
            Files.write(predictions, lines);
        } catch (IOException e) {
            throw new AnalysisException(predictions + ": cannot write: " + e.getMessage());
        }
    }
}
