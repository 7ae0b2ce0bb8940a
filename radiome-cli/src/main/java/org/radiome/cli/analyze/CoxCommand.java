package org.radiome.cli.analyze;

import java.util.ArrayList;
import java.util.List;

import org.radiome.analysis.Distributions;
import org.radiome.analysis.survival.Concordance;
import org.radiome.analysis.survival.CoxModel;
import org.radiome.analysis.survival.SurvivalData;
import org.radiome.analysis.table.Table;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code radiome analyze cox}: the Cox proportional-hazards model. */
@Command(name = "cox", mixinStandardHelpOptions = true,
        description = {"Cox proportional-hazards model, as coxph(Surv(T, E) ~ C1 + C2 + ..., ties = \"efron\")."},
        footer = {"", "Example:",
            "  radiome analyze cox --data features.csv --data clinical.csv --time os_time --event os_event \\",
            "      --covariates morph_volume,cm_contrast_3D_avg,age --standardize=morph_volume,cm_contrast_3D_avg"})
final class CoxCommand extends AnalysisCommand {
    @Option(names = "--time", required = true, paramLabel = "T", description = "Survival or follow-up time.")
    String time;

    @Option(names = "--event", required = true, paramLabel = "E", description = "1 = event, 0 = censored.")
    String event;

    @Option(names = "--covariates", required = true, split = ",", paramLabel = "C", description = "Numeric covariates.")
    List<String> covariates;

    @Option(names = "--standardize", arity = "0..1", fallbackValue = "all", paramLabel = "C,...",
            description = "z-score covariates with the n-1 SD (R's scale) before fitting; alone: all of them; "
                + "=C1,C2: only those. Their terms are named z_<covariate>.")
    String standardize;

    @Option(names = "--ties", defaultValue = "efron", paramLabel = "efron|breslow", description = "Tie handling (default efron).")
    String ties;

    @Override
    void analyse(Table table, ObjectNode root) {
        CoxModel.Ties method = switch (ties) {
            case "efron" -> CoxModel.Ties.EFRON;
            case "breslow" -> CoxModel.Ties.BRESLOW;
            default -> throw new org.radiome.analysis.AnalysisException("--ties must be efron or breslow, was " + ties);
        };
        List<String> used = new ArrayList<>(List.of(time, event));
        used.addAll(covariates);
        for (String c : used) table.require(c);
        int[] rows = completeRows(table, used, root);
        SurvivalData data = Columns.survival(table, time, event, rows);
        Columns.Design design = Columns.design(table, covariates, Columns.standardized(standardize, covariates), rows);
        CoxModel fit = CoxModel.fit(data, design.x(), design.names(), method);
        root.put("ties", ties);
        root.put("n", fit.n());
        root.put("events", fit.events());
        double z975 = Distributions.normalQuantile(0.975);
        ArrayNode terms = root.putArray("terms");
        for (int j = 0; j < design.names().length; j++) {
            ObjectNode o = terms.addObject();
            double b = fit.coef()[j], se = fit.se()[j];
            o.put("term", design.names()[j]);
            o.put("coef", b);
            o.put("se", se);
            o.put("z", b / se);
            o.put("p", fit.p(j));
            o.put("hr", Math.exp(b));
            o.put("hr_lower", Math.exp(b - z975 * se));
            o.put("hr_upper", Math.exp(b + z975 * se));
        }
        root.putArray("loglik").add(fit.loglikNull()).add(fit.loglik());
        int df = design.names().length;
        test(root, "likelihood_ratio", 2 * (fit.loglik() - fit.loglikNull()), df);
        test(root, "wald", fit.wald(), df);
        test(root, "score", fit.score(), df);
        Concordance concordance = Concordance.of(data, fit.linearPredictor());
        root.put("concordance", concordance.concordance());
        root.put("concordance_se", concordance.std());
        root.put("iterations", fit.iterations());
    }

    private static void test(ObjectNode root, String name, double stat, int df) {
        ObjectNode o = root.putObject(name);
        o.put("stat", stat);
        o.put("df", df);
        o.put("p", Distributions.chiSquaredUpper(stat, df));
    }
}
