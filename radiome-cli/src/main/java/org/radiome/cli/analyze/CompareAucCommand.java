package org.radiome.cli.analyze;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.radiome.analysis.regression.DeLong;
import org.radiome.analysis.regression.LogisticRegression;
import org.radiome.analysis.table.Table;

import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code radiome analyze compare-auc}: paired DeLong test of two logistic models on the same cases. */
@Command(name = "compare-auc", mixinStandardHelpOptions = true,
        description = {"Paired DeLong test of the AUCs of two logistic models.",
            "Fits both on the same cases and compares their fitted probabilities, as",
            "pROC::roc.test(method = \"delong\", paired = TRUE)."})
final class CompareAucCommand extends AnalysisCommand {
    @Option(names = "--response", required = true, paramLabel = "Y", description = "0/1 response.")
    String response;

    @Option(names = "--covariates-a", required = true, split = ",", paramLabel = "C", description = "Covariates of model A.")
    List<String> covariatesA;

    @Option(names = "--covariates-b", required = true, split = ",", paramLabel = "C", description = "Covariates of model B.")
    List<String> covariatesB;

    @Option(names = "--standardize", arity = "0..1", fallbackValue = "all", paramLabel = "C,...",
            description = "z-score covariates (n-1 SD, as R's scale); alone: all; =C1,C2: only those.")
    String standardize;

    @Override
    void analyse(Table table, ObjectNode root) {
        LinkedHashSet<String> used = new LinkedHashSet<>(List.of(response));
        used.addAll(covariatesA);
        used.addAll(covariatesB);
        for (String c : used) table.require(c);
        List<String> covariates = new ArrayList<>(used);
        covariates.remove(response);
        for (String s : Columns.standardized(standardize, covariates)) {
            if (!covariatesA.contains(s) && !covariatesB.contains(s)) {
                throw new org.radiome.analysis.AnalysisException("--standardize names " + s + ", which is not a covariate");
            }
        }
        int[] rows = completeRows(table, new ArrayList<>(used), root);
        double[] y = numeric(table, response, rows);
        double[] pa = fitted(table, y, covariatesA, rows), pb = fitted(table, y, covariatesB, rows);
        DeLong.Comparison c = DeLong.compare(y, pa, pb);
        root.put("n", rows.length);
        root.put("auc_a", c.a().auc());
        root.put("auc_b", c.b().auc());
        root.put("z", c.z());
        root.put("p", c.p());
        root.putArray("diff_ci").add(c.diffLower()).add(c.diffUpper());
    }

    private double[] fitted(Table table, double[] y, List<String> covariates, int[] rows) {
        List<String> std = standardize == null ? List.of()
            : Columns.standardized(standardize, covariates).stream().filter(covariates::contains).toList();
        Columns.Design d = Columns.design(table, covariates, std, rows);
        return LogisticRegression.fit(y, d.x(), d.names(), response).fitted();
    }
}
