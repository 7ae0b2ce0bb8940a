package org.radiome.analysis.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.radiome.analysis.metrics.RiskGroups;
import org.radiome.analysis.model.Outcome;
import org.radiome.analysis.report.HtmlReport;
import org.radiome.analysis.report.Plots;
import org.radiome.analysis.survival.KaplanMeier;
import org.radiome.analysis.survival.LogRank;

/**
 * report.html of a study: cohort, associations (volcano; heatmap of each feature's association overall and
 * per site), out-of-fold performance (ROC with its interval and calibration for a binary outcome, Kaplan-Meier
 * by predicted risk group for survival), the subgroup table and the final model's features. Self-contained
 * (inline SVG from {@link Plots}); no case identifier appears in it.
 */
public final class StudyReport {
    private StudyReport() { }

    public static String html(Study.Result r, String date) {
        StudySpec spec = r.spec();
        StudyData d = r.data();
        boolean binary = d.outcome() == Outcome.BINARY;
        HtmlReport h = new HtmlReport("Radiome study: " + spec.name());
        h.paragraph("Outcome: " + (binary ? "binary response " + spec.outcome().column()
            : "survival " + spec.outcome().time() + " / " + spec.outcome().event()) + ". Learner: " + r.learner()
            + ". Nested cross-validation: " + spec.validation().folds() + " folds x " + spec.validation().repeats()
            + " repeats, seed " + spec.seed() + ". Written " + date + ".");

        h.heading("Cohort");
        StudyData.Cohort c = d.cohort();
        int pos = 0;
        for (int i = 0; i < d.size(); i++) pos += binary ? (int) d.y()[i] : d.event()[i];
        h.paragraph(d.size() + " cases (" + (binary ? pos + " with response 1" : pos + " events") + "); "
            + c.droppedByJoin() + " dropped by the join, " + c.droppedMissing() + " for a missing value"
            + (c.missingByColumn().isEmpty() ? "" : " " + c.missingByColumn()) + ". " + c.candidateFeatures() + " candidate features, "
            + d.features().size() + (spec.reproducibility() == null ? " used."
                : " with " + spec.reproducibility().icc() + " >= " + spec.reproducibility().minIcc() + " on the test-retest table."));

        h.heading("Associations (whole cohort" + (spec.harmonisation() != null ? ", ComBat-harmonised" : "") + ")");
        List<Plots.VolcanoPoint> points = new ArrayList<>();
        for (Selection.Association a : r.finalFit().univariate()) points.add(new Plots.VolcanoPoint(a.feature(), a.effect(), a.p(), a.q()));
        String effect = binary ? "standardised mean difference (response 1 - 0)" : "log hazard ratio per SD (univariate Cox)";
        h.figure(Plots.volcano(points, spec.selection().qMax(), binary ? "standardised mean difference" : "log HR per SD", 10), "Volcano plot: " + effect + " against -log10 p (Mann-Whitney / Cox); "
            + "highlighted: BH q <= " + spec.selection().qMax() + ".");
        heatmap(h, r, effect);
        if (spec.associations() != null) associations(h, r);

        h.heading("Out-of-fold performance");
        Performance.Estimate main = r.overall().get(r.metricName());
        if (binary) {
            double[][] roc = roc(d.y(), r.score());
            h.figure(Plots.roc(roc[0], roc[1], main.value(), main.lower(), main.upper()),
                String.format(Locale.ROOT, "ROC of the out-of-fold scores: AUC %.3f (95%% CI %.3f-%.3f, %s).", main.value(), main.lower(),
                    main.upper(), main.interval()));
            org.radiome.analysis.metrics.Calibration.Bins cal = r.calibration();
            h.figure(Plots.calibration(cal.meanPredicted(), cal.observedRate(), cal.counts()),
                String.format(Locale.ROOT, "Calibration of the out-of-fold probabilities (%d equal-count bins); Brier score %.3f; "
                    + "calibration intercept %.2f and slope %.2f (logistic recalibration, glm(y ~ logit(p)); 0 and 1 when calibrated, "
                    + "a slope below 1 means too extreme predictions).", cal.counts().length, r.overall().get("brier").value(),
                    r.overall().get("calibration_intercept").value(), r.overall().get("calibration_slope").value()));
        } else {
            h.paragraph(String.format(Locale.ROOT, "Harrell's C of the out-of-fold risk scores %.3f (95%% CI %.3f-%.3f).", main.value(),
                main.lower(), main.upper()));
        }
        riskGroupCurves(h, r);
        List<List<String>> overall = new ArrayList<>();
        for (Map.Entry<String, Performance.Estimate> e : r.overall().entrySet()) {
            overall.add(List.of(e.getKey(), fmt(e.getValue()), e.getValue().interval()));
        }
        h.table(List.of("measure", "value (95% CI)", "interval"), overall);

        h.heading("Performance per subgroup");
        List<List<String>> rows = new ArrayList<>();
        for (Study.Subgroup s : r.subgroups()) {
            rows.add(List.of(s.variable(), s.level(), Integer.toString(s.n()), Integer.toString(s.positives()), fmt(s.metric()),
                s.warning() == null ? "" : s.warning()));
        }
        h.table(List.of("subgroup", "level", "n", binary ? "response 1" : "events", binary ? "AUC (95% CI)" : "C (95% CI)", "warning"), rows);

        h.heading("Final model");
        Pipeline.Fitted f = r.finalFit();
        h.paragraph("Refitted on all " + d.size() + " cases with the same pipeline: " + f.significant().size() + " features with q <= "
            + spec.selection().qMax() + (f.significant().size() == 0 ? "" : ", ") + f.pruned().size() + " after correlation pruning (|r| <= "
            + spec.selection().maxAbsCorrelation() + "), " + f.selected().size() + " selected.");
        List<List<String>> feats = new ArrayList<>();
        for (String s : f.selected()) {
            feats.add(List.of(s, r.selectionFrequency().getOrDefault(s, 0) + " of " + r.foldSummaries().size()));
        }
        h.table(List.of("selected feature", "selected in outer folds"), feats);
        if (!f.covariates().isEmpty()) {
            h.paragraph("Clinical covariates in every model, never subject to selection: " + String.join(", ", f.covariates().columns())
                + " (model terms " + String.join(", ", f.covariates().terms()) + "; factors with treatment contrasts, first level as baseline"
                + (r.learner().startsWith("penalised") ? "; unpenalised in the penalised learner: glmnet penalty factor 0" : "") + ").");
        }
        h.paragraph("Inputs: " + String.join(", ", c.sources().stream().map(s -> s.file() + " (SHA-256 " + s.sha256() + ")").toList()) + ".");
        return h.render();
    }

    /** Rows: the 25 most significant features; columns: all cases, then each site; values: the effect. */
    private static void heatmap(HtmlReport h, Study.Result r, String effect) {
        StudyData d = r.data();
        List<Selection.Association> top = new ArrayList<>(r.finalFit().univariate());
        top.sort(Comparator.comparingDouble(Selection.Association::p));
        top = top.subList(0, Math.min(25, top.size()));
        double[][] x = r.harmonised();
        List<String> columns = new ArrayList<>(List.of("all"));
        String[] site = d.subgroups().get("site");
        List<String> sites = site == null ? List.of() : new ArrayList<>(new java.util.TreeSet<>(Arrays.asList(site)));
        columns.addAll(sites.stream().map(s -> "site " + s).toList());
        List<String> rowNames = new ArrayList<>();
        double[][] values = new double[top.size()][columns.size()];
        double max = 0;
        for (int k = 0; k < top.size(); k++) {
            String name = top.get(k).feature();
            rowNames.add(name);
            values[k][0] = top.get(k).effect();
            double[] col = x[d.features().indexOf(name)];
            for (int s = 0; s < sites.size(); s++) {
                String level = sites.get(s);
                int[] rows = java.util.stream.IntStream.range(0, d.size()).filter(i -> site[i].equals(level)).toArray();
                double v;
                try {
                    v = Selection.univariate(d.outcome(), List.of(name), new double[][] {Selection.pick(col, rows)},
                        d.y() == null ? null : Selection.pick(d.y(), rows), d.time() == null ? null : Selection.pick(d.time(), rows),
                        d.event() == null ? null : Performance.pick(d.event(), rows)).get(0).effect();
                } catch (RuntimeException e) {
                    v = Double.NaN;
                }
                values[k][s + 1] = v;
            }
            for (double v : values[k]) if (Double.isFinite(v)) max = Math.max(max, Math.abs(v));
        }
        if (max == 0) max = 1;
        h.figure(Plots.heatmap(rowNames, columns, values, -max, max, "Association by site"),
            "Heatmap of the " + top.size() + " most significant features: " + effect + ", in the whole cohort and within each site.");
    }

    /** The spec's associations section: volcano, feature x variable heatmap with the significant cells marked, table of the strongest. */
    private static void associations(HtmlReport h, Study.Result r) {
        StudySpec.AssociationSpec spec = r.spec().associations();
        List<Associations.Result> all = r.associations();
        double qMax = spec.qMax();
        long significant = all.stream().filter(a -> a.q() <= qMax).count();
        h.heading("Imaging-genomic associations (whole cohort" + (r.spec().harmonisation() != null ? ", ComBat-harmonised" : "") + ")");
        h.paragraph(all.size() + " tests: " + r.data().features().size() + " features x " + r.data().variables().size() + " variables ("
            + "Mann-Whitney for 0/1 variables, effect the rank-biserial correlation; Spearman otherwise, effect rho); BH q over all "
            + all.size() + " tests; " + significant + " with q <= " + qMax + ". Every test is in associations.csv.");
        List<Plots.VolcanoPoint> points = new ArrayList<>();
        for (Associations.Result a : all) points.add(new Plots.VolcanoPoint(a.feature() + " ~ " + a.variable(), a.estimate(), a.p(), a.q()));
        h.figure(Plots.volcano(points, qMax, "rank-biserial r / Spearman rho", 10),
            "Volcano plot of the feature-variable associations: effect against -log10 p; highlighted: BH q <= " + qMax + ".");

        Map<String, Double> bestOfFeature = new java.util.HashMap<>(), bestOfVariable = new java.util.HashMap<>();
        for (Associations.Result a : all) {
            bestOfFeature.merge(a.feature(), a.p(), Math::min);
            bestOfVariable.merge(a.variable(), a.p(), Math::min);
        }
        List<String> rows = strongest(r.data().features(), bestOfFeature, 60);
        List<String> columns = strongest(r.data().variables(), bestOfVariable, 40);
        double[][] values = new double[rows.size()][columns.size()];
        boolean[][] marked = new boolean[rows.size()][columns.size()];
        for (double[] v : values) Arrays.fill(v, Double.NaN);
        double max = 0;
        for (Associations.Result a : all) {
            int i = rows.indexOf(a.feature()), j = columns.indexOf(a.variable());
            if (i < 0 || j < 0) continue;
            values[i][j] = a.estimate();
            marked[i][j] = a.q() <= qMax;
            max = Math.max(max, Math.abs(a.estimate()));
        }
        if (!(max > 0)) max = 1;
        boolean cut = rows.size() < r.data().features().size() || columns.size() < r.data().variables().size();
        h.figure(Plots.heatmap(rows, columns, values, -max, max, "Feature x variable associations", marked, "q <= " + qMax),
            "Heatmap of the associations: rank-biserial correlation (0/1 variables) or Spearman rho; a dot marks BH q <= " + qMax + "."
                + (cut ? " Shown: the " + rows.size() + " features and " + columns.size() + " variables with the smallest p." : ""));

        List<Associations.Result> top = all.stream().filter(a -> a.q() <= qMax).sorted(Comparator.comparingDouble(Associations.Result::p))
            .limit(30).toList();
        List<List<String>> table = new ArrayList<>();
        for (Associations.Result a : top) {
            table.add(List.of(a.feature(), a.variable(), a.test(), Integer.toString(a.n()), String.format(Locale.ROOT, "%.3f", a.estimate()),
                String.format(Locale.ROOT, "%.3g", a.p()), String.format(Locale.ROOT, "%.3g", a.q())));
        }
        if (!table.isEmpty()) {
            h.table(List.of("feature", "variable", "test", "n", "effect", "p", "q"), table);
        }
    }

    /** Up to {@code limit} names with the smallest p, in their original order. */
    private static List<String> strongest(List<String> names, Map<String, Double> p, int limit) {
        if (names.size() <= limit) return names;
        java.util.Set<String> keep = new java.util.HashSet<>(names.stream()
            .sorted(Comparator.comparingDouble(n -> p.getOrDefault(n, 1.0))).limit(limit).toList());
        return names.stream().filter(keep::contains).toList();
    }

    static double[][] roc(double[] y, double[] score) {
        int n = y.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
        double pos = 0;
        for (double v : y) pos += v;
        double neg = n - pos;
        List<double[]> pts = new ArrayList<>();
        pts.add(new double[] {0, 0});
        double tp = 0, fp = 0;
        for (int k = 0; k < n; ) {
            int j = k;
            while (j < n && score[order[j]] == score[order[k]]) {
                if (y[order[j]] == 1) tp++;
                else fp++;
                j++;
            }
            pts.add(new double[] {fp / neg, tp / pos});
            k = j;
        }
        double[] fpr = new double[pts.size()], tpr = new double[pts.size()];
        for (int i = 0; i < fpr.length; i++) { fpr[i] = pts.get(i)[0]; tpr[i] = pts.get(i)[1]; }
        return new double[][] {fpr, tpr};
    }

    /**
     * Kaplan-Meier curves of the out-of-fold predicted risk groups (cut at the quantiles of the out-of-fold
     * scores) with numbers at risk and the log-rank test; a binary study uses the report's survival columns,
     * on the cases that have them.
     */
    private static void riskGroupCurves(HtmlReport h, Study.Result r) {
        StudyData d = r.data();
        boolean survival = d.outcome() == Outcome.SURVIVAL;
        if (!survival && d.kmTime() == null) {
            h.paragraph("No Kaplan-Meier plot: a binary study draws one when the spec names survival columns (report.survival).");
            return;
        }
        int[] rows = java.util.stream.IntStream.range(0, d.size())
            .filter(i -> survival || !(Double.isNaN(d.kmTime()[i]) || Double.isNaN(d.kmEvent()[i]))).toArray();
        double[] time = Selection.pick(survival ? d.time() : d.kmTime(), rows);
        int[] event = new int[rows.length];
        for (int i = 0; i < rows.length; i++) event[i] = survival ? d.event()[rows[i]] : (int) d.kmEvent()[rows[i]];
        double[] score = Selection.pick(r.score(), rows);
        int k = r.spec().report().riskGroups();
        int[] group = RiskGroups.assign(score, RiskGroups.cutPoints(score, k));
        List<String> names = Study.riskGroupNames(k);
        List<Plots.Curve> curves = new ArrayList<>();
        List<Plots.AtRisk> atRisk = new ArrayList<>();
        for (int g = k - 1; g >= 0; g--) {
            final int level = g;
            int[] members = java.util.stream.IntStream.range(0, group.length).filter(i -> group[i] == level).toArray();
            if (members.length == 0) continue;
            KaplanMeier km = KaplanMeier.fit(Selection.survival(Selection.pick(time, members), Performance.pick(event, members)));
            String label = survival ? names.get(g) + " risk" : names.get(g) + " P(" + r.spec().outcome().column() + " = 1)";
            curves.add(Plots.Curve.of(label + " (n = " + members.length + ")", km));
            atRisk.add(Plots.AtRisk.of(km));
        }
        LogRank lr = LogRank.test(Selection.survival(time, event), group, k);
        String timeLabel = survival ? r.spec().outcome().time() : r.spec().report().time();
        String cut = k == 2 ? "median" : k == 3 ? "tertiles" : k == 4 ? "quartiles" : k + "-quantiles";
        h.figure(Plots.kaplanMeier(curves, timeLabel, atRisk),
            String.format(Locale.ROOT, "Kaplan-Meier curves (95%% CI, numbers at risk below) of %s by out-of-fold predicted risk group "
                + "(cut at the %s of the out-of-fold %s on these %d cases)%s. Log-rank chi-square %.2f on %d df, p = %.3g.",
                survival ? "the outcome" : timeLabel + " / " + r.spec().report().event(), cut, survival ? "risk scores" : "probabilities",
                rows.length, survival || rows.length == d.size() ? "" : "; " + (d.size() - rows.length) + " cases without survival data left out",
                lr.chisq(), lr.df(), lr.p()));
    }

    private static String fmt(Performance.Estimate e) {
        if (!Double.isFinite(e.value())) return "undefined";
        if (!Double.isFinite(e.lower())) return String.format(Locale.ROOT, "%.3f", e.value());
        return String.format(Locale.ROOT, "%.3f (%.3f-%.3f)", e.value(), e.lower(), e.upper());
    }
}
