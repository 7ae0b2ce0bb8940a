package org.radiome.cli.analyze;

import java.util.ArrayList;
import java.util.List;

import org.radiome.analysis.AnalysisException;
import org.radiome.analysis.penalized.Glmnet;
import org.radiome.analysis.penalized.GlmnetCv;
import org.radiome.analysis.survival.SurvivalData;
import org.radiome.analysis.table.Table;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code radiome analyze glmnet}: elastic-net gaussian, binomial or Cox regression at given lambdas. */
@Command(name = "glmnet", mixinStandardHelpOptions = true,
        description = {"Elastic-net gaussian, binomial or Cox regression at given lambdas.",
            "Equal to glmnet(x, y, family, alpha, lambda, standardize = TRUE)",
            "at each lambda: predictors standardised by their population SD for fitting, coefficients on the",
            "original scale; the Cox family uses the Breslow partial likelihood."},
        footer = {"", "Example:",
            "  radiome analyze glmnet --data features.csv --data clinical.csv --family binomial --alpha 0.5 \\",
            "      --lambda 0.12,0.04,0.012 --predictors all --response response"})
final class GlmnetCommand extends AnalysisCommand {
    @Option(names = "--family", required = true, paramLabel = "gaussian|binomial|cox", description = "The model family.")
    String family;

    @Option(names = "--alpha", defaultValue = "1", paramLabel = "A", description = "Elastic-net mixing: 1 lasso (default), 0 ridge.")
    double alpha;

    @Option(names = "--lambda", required = true, split = ",", paramLabel = "L", description = "Penalty values.")
    List<Double> lambda;

    @Option(names = "--predictors", required = true, split = ",", paramLabel = "C|all",
            description = "Predictor columns; 'all' means every column of the first --data file.")
    List<String> predictors;

    @Option(names = "--response", paramLabel = "Y", description = "Response (gaussian: numeric; binomial: 0/1).")
    String response;

    @Option(names = "--time", paramLabel = "T", description = "Survival time (cox).")
    String time;

    @Option(names = "--event", paramLabel = "E", description = "1 = event, 0 = censored (cox).")
    String event;

    @Option(names = "--penalty-factor", split = ",", paramLabel = "C=F",
            description = "glmnet's penalty.factor: column C's penalty multiplied by F >= 0 (0: unpenalised, in every "
                + "model); columns not named keep 1; rescaled, as glmnet does, to sum to the number of predictors.")
    List<String> penaltyFactor;

    @Option(names = "--foldid", paramLabel = "COL",
            description = "Also cross-validate, as cv.glmnet(..., foldid = COL): the fold (1..K) of each case.")
    String foldid;

    @Override
    void analyse(Table table, ObjectNode root) {
        Glmnet.Family fam = switch (family) {
            case "gaussian" -> Glmnet.Family.GAUSSIAN;
            case "binomial" -> Glmnet.Family.BINOMIAL;
            case "cox" -> Glmnet.Family.COX;
            default -> throw new AnalysisException("--family must be gaussian, binomial or cox, was " + family);
        };
        List<String> outcome = fam == Glmnet.Family.COX ? requireCox() : requireResponse();
        List<String> preds = new ArrayList<>(columns(table, predictors));
        preds.removeAll(outcome);
        if (preds.isEmpty()) throw new AnalysisException("no predictors");
        if (foldid != null) preds.remove(foldid);
        List<String> used = new ArrayList<>(outcome);
        used.addAll(preds);
        if (foldid != null) used.add(foldid);
        for (String c : used) table.require(c);
        int[] rows = completeRows(table, used, root);
        double[][] x = new double[preds.size()][];
        for (int j = 0; j < x.length; j++) {
            x[j] = numeric(table, preds.get(j), rows);
            boolean constant = true;
            for (double v : x[j]) constant &= v == x[j][0];
            if (constant) warn("predictor " + preds.get(j) + " is constant over the cases used; its coefficient is 0, as in glmnet");
        }
        double[] y = null;
        SurvivalData surv = null;
        if (fam == Glmnet.Family.COX) surv = Columns.survival(table, time, event, rows);
        else y = numeric(table, response, rows);
        double[] lambdas = lambda.stream().mapToDouble(Double::doubleValue).toArray();
        double[] factors = factors(preds);
        List<Glmnet.Fit> fits = Glmnet.fit(fam, x, y, surv, alpha, lambdas, factors);
        root.put("family", family);
        root.put("alpha", alpha);
        root.put("n", rows.length);
        if (factors != null) {
            ObjectNode pf = root.putObject("penalty_factor");
            double[] vp = Glmnet.rescaledFactors(factors, factors.length);
            for (int j = 0; j < preds.size(); j++) pf.put(preds.get(j), vp[j]);
        }
        ArrayNode out = root.putArray("fits");
        for (Glmnet.Fit f : fits) {
            ObjectNode o = out.addObject();
            o.put("lambda", f.lambda());
            o.put("df", f.df());
            o.put("dev_ratio", f.devRatio());
            o.put("kkt_max_violation", f.kktViolation());
            ObjectNode c = o.putObject("coefficients");
            if (fam != Glmnet.Family.COX) c.put("(Intercept)", f.intercept());
            for (int j = 0; j < preds.size(); j++) c.put(preds.get(j), f.beta()[j]);
        }
        if (foldid != null) crossValidate(root, fam, x, y, surv, lambdas, folds(numeric(table, foldid, rows)), factors);
    }

    /** The --penalty-factor values in the order of the predictors (null when not given). */
    private double[] factors(List<String> preds) {
        if (penaltyFactor == null || penaltyFactor.isEmpty()) return null;
        double[] vp = new double[preds.size()];
        java.util.Arrays.fill(vp, 1);
        for (String item : penaltyFactor) {
            int eq = item.lastIndexOf('=');
            if (eq <= 0) throw new AnalysisException("--penalty-factor expects COLUMN=FACTOR, was '" + item + "'");
            String column = item.substring(0, eq);
            int j = preds.indexOf(column);
            if (j < 0) throw new AnalysisException("--penalty-factor names " + column + ", which is not a predictor");
            double f;
            try {
                f = Double.parseDouble(item.substring(eq + 1));
            } catch (NumberFormatException e) {
                throw new AnalysisException("--penalty-factor of " + column + " is not a number: '" + item.substring(eq + 1) + "'");
            }
            if (!(f >= 0) || Double.isInfinite(f)) throw new AnalysisException("--penalty-factor of " + column + " must be a finite number >= 0, was " + f);
            vp[j] = f;
        }
        boolean any = false;
        for (double v : vp) any |= v > 0;
        if (!any) throw new AnalysisException("--penalty-factor: all penalty factors are 0 (glmnet stops here too); fit an unpenalised model instead");
        return vp;
    }

    private void crossValidate(ObjectNode root, Glmnet.Family fam, double[][] x, double[] y, SurvivalData surv, double[] lambdas, int[] folds,
                               double[] factors) {
        GlmnetCv.Result cv = GlmnetCv.run(fam, x, y, surv, alpha, lambdas, folds, factors);
        ObjectNode o = root.putObject("cv");
        o.put("foldid", foldid);
        o.put("folds", cv.folds());
        o.put("measure", cv.measure());
        o.put("name", cv.name());
        ArrayNode cvm = o.putArray("cvm"), cvsd = o.putArray("cvsd");
        for (int l = 0; l < lambdas.length; l++) {
            cvm.add(cv.cvm()[l]);
            cvsd.add(cv.cvsd()[l]);
        }
        o.put("lambda_min", cv.lambdaMin());
        o.put("lambda_1se", cv.lambda1se());
        o.put("index_min", cv.indexMin() + 1);
        o.put("index_1se", cv.index1se() + 1);
    }

    private int[] folds(double[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] != Math.rint(values[i]) || values[i] < 1 || values[i] > Integer.MAX_VALUE) {
                throw new AnalysisException("--foldid column " + foldid + " must hold whole numbers 1, 2, ..., K; found " + values[i]);
            }
            out[i] = (int) values[i];
        }
        return out;
    }

    private List<String> requireCox() {
        if (time == null || event == null) throw new AnalysisException("--family cox needs --time and --event");
        if (response != null) throw new AnalysisException("--family cox takes --time and --event, not --response");
        return List.of(time, event);
    }

    private List<String> requireResponse() {
        if (response == null) throw new AnalysisException("--family " + family + " needs --response");
        if (time != null || event != null) throw new AnalysisException("--time and --event are for --family cox");
        return List.of(response);
    }
}
