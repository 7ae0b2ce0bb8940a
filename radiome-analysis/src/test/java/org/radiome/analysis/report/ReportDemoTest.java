package org.radiome.analysis.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.radiome.analysis.association.Correlation;
import org.radiome.analysis.association.MultipleTesting;
import org.radiome.analysis.association.TestResult;
import org.radiome.analysis.association.TwoSampleTests;
import org.radiome.analysis.regression.DeLong;
import org.radiome.analysis.survival.KaplanMeier;
import org.radiome.analysis.survival.SurvivalData;
import org.w3c.dom.Document;

/**
 * Demo: writes {@code target/report-demo/report.html} from a small seeded simulation (six features with real
 * signal among forty, a binary response and survival) analysed with this module's statistics, so a person
 * can open the report in a browser. The assertions only check that every plot is present and well-formed.
 */
class ReportDemoTest {
    static final int N = 240, P = 40, SIGNAL = 6;

    @Test
    void writes_an_example_report_a_human_can_open() throws IOException {
        SplittableRandom rnd = new SplittableRandom(20260);
        double[][] x = new double[P][N];
        double[] risk = new double[N], response = new double[N], time = new double[N];
        boolean[] event = new boolean[N];
        for (int i = 0; i < N; i++) {
            double shared = rnd.nextGaussian();
            for (int k = 0; k < P; k++) x[k][i] = (k < 12 ? 0.6 * shared : 0) + rnd.nextGaussian();
            for (int k = 0; k < SIGNAL; k++) risk[i] += (k % 2 == 0 ? 0.8 : -0.6) * x[k][i];
            response[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-risk[i])) ? 1 : 0;
            double t = -Math.log(rnd.nextDouble()) / (0.03 * Math.exp(0.6 * risk[i])), c = 12 + 48 * rnd.nextDouble();
            time[i] = Math.min(t, c);
            event[i] = t <= c;
        }
        String[] names = new String[P];
        for (int k = 0; k < P; k++) names[k] = String.format(Locale.ROOT, "original_%s_%02d", k % 3 == 0 ? "glcm_Contrast" : k % 3 == 1 ? "firstorder_Mean" : "shape_Sphericity", k);
        names[1] = "wavelet-LLH_glrlm_<RunEntropy> & co";

        // volcano: Welch difference of means, Mann–Whitney p, BH q
        double[] p = new double[P], effect = new double[P];
        for (int k = 0; k < P; k++) {
            double[][] g = split(x[k], response);
            effect[k] = TwoSampleTests.welch(g[1], g[0], names[k]).estimate();
            p[k] = TwoSampleTests.mannWhitney(g[1], g[0], names[k]).p();
        }
        double[] q = MultipleTesting.benjaminiHochberg(p);
        List<Plots.VolcanoPoint> points = new ArrayList<>();
        for (int k = 0; k < P; k++) points.add(new Plots.VolcanoPoint(names[k], effect[k], p[k], q[k]));
        points.add(new Plots.VolcanoPoint("constant_feature", Double.NaN, Double.NaN, Double.NaN));

        // heatmap: Spearman rho between the first 14 features
        int h = 14;
        double[][] rho = new double[h][h];
        for (int a = 0; a < h; a++) for (int b = 0; b < h; b++) rho[a][b] = a == b ? 1 : Correlation.spearman(x[a], x[b], "").estimate();
        rho[3][5] = Double.NaN;
        List<String> hn = Arrays.asList(names).subList(0, h);

        // ROC of the true risk score with DeLong CI and a bootstrap pointwise band
        DeLong.Auc auc = DeLong.auc(response, risk);
        double[][] roc = roc(response, risk);
        double[] grid = new double[21], lo = new double[21], hi = new double[21];
        band(response, risk, rnd, grid, lo, hi);

        // calibration by deciles of predicted probability
        double[] prob = Arrays.stream(risk).map(r -> 1 / (1 + Math.exp(-r))).toArray();
        Integer[] order = new Integer[N];
        for (int i = 0; i < N; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(prob[a], prob[b]));
        double[] mp = new double[10], obs = new double[10];
        int[] cnt = new int[10];
        for (int r = 0; r < N; r++) { int bin = r * 10 / N; mp[bin] += prob[order[r]]; obs[bin] += response[order[r]]; cnt[bin]++; }
        for (int b = 0; b < 10; b++) { mp[b] /= cnt[b]; obs[b] /= cnt[b]; }

        // Kaplan–Meier by risk group (split at the median risk score)
        double median = Arrays.stream(risk).sorted().toArray()[N / 2];
        List<Plots.Curve> curves = new ArrayList<>();
        List<Plots.AtRisk> atRisk = new ArrayList<>();
        for (boolean high : new boolean[] {false, true}) {
            int[] rows = java.util.stream.IntStream.range(0, N).filter(i -> (risk[i] >= median) == high).toArray();
            KaplanMeier km = KaplanMeier.fit(new SurvivalData(time, event).subset(rows));
            curves.add(Plots.Curve.of(high ? "High predicted risk" : "Low predicted risk", km));
            atRisk.add(Plots.AtRisk.of(km));
        }

        HtmlReport report = new HtmlReport("Radiome study report (demo, simulated data)")
            .paragraph("A seeded simulation: " + N + " cases, " + P + " features of which " + SIGNAL + " carry signal. Not real patients.")
            .heading("Associations")
            .figure(Plots.volcano(points, 0.05, "Difference of means (response 1 \u2212 0)", 10), "Mann\u2013Whitney p against Welch difference of means; BH q \u2264 0.05 highlighted.")
            .figure(Plots.heatmap(hn, hn, rho, -1, 1, "Spearman \u03C1 between features"), "Feature correlation; one cell set missing to show NA.")
            .heading("Discrimination and calibration")
            .figure(Plots.roc(roc[0], roc[1], auc.auc(), auc.lower(), auc.upper(), grid, lo, hi), "ROC of the risk score, DeLong 95 % CI, bootstrap pointwise band.")
            .figure(Plots.calibration(mp, obs, cnt), "Deciles of predicted probability.")
            .heading("Survival")
            .figure(Plots.kaplanMeier(curves, "Months", atRisk), "Kaplan\u2013Meier by predicted risk group, log-type 95 % CI.")
            .table(List.of("metric", "value"), List.of(
                List.of("AUC", String.format(Locale.ROOT, "%.3f", auc.auc())),
                List.of("AUC 95 % CI", String.format(Locale.ROOT, "%.3f\u2013%.3f", auc.lower(), auc.upper()))));
        Path out = Path.of("target", "report-demo", "report.html");
        report.write(out);

        Document d = Xml.parse(Files.readString(out));
        assertThat(Xml.all(d, "//figure/svg").stream().map(e -> e.getAttribute("class")).toList()).containsExactly(
            "radiome-plot volcano", "radiome-plot heatmap", "radiome-plot roc", "radiome-plot calibration", "radiome-plot kaplan-meier");
    }

    private static double[][] split(double[] v, double[] y) {
        return new double[][] {
            java.util.stream.IntStream.range(0, v.length).filter(i -> y[i] == 0).mapToDouble(i -> v[i]).toArray(),
            java.util.stream.IntStream.range(0, v.length).filter(i -> y[i] == 1).mapToDouble(i -> v[i]).toArray()};
    }

    /** Empirical ROC: (fpr, tpr) at every threshold, from (0, 0) to (1, 1). */
    static double[][] roc(double[] y, double[] score) {
        int n = y.length;
        Integer[] o = new Integer[n];
        for (int i = 0; i < n; i++) o[i] = i;
        Arrays.sort(o, (a, b) -> Double.compare(score[b], score[a]));
        double pos = Arrays.stream(y).sum(), neg = n - pos, tp = 0, fp = 0;
        double[] fpr = new double[n + 1], tpr = new double[n + 1];
        for (int k = 0; k < n; k++) {
            if (y[o[k]] == 1) tp++; else fp++;
            fpr[k + 1] = fp / neg;
            tpr[k + 1] = tp / pos;
        }
        return new double[][] {fpr, tpr};
    }

    /** Percentile bootstrap (200 resamples) of the TPR at each FPR of the grid. */
    static void band(double[] y, double[] score, SplittableRandom rnd, double[] grid, double[] lo, double[] hi) {
        int n = y.length, b = 200;
        double[][] tprAt = new double[grid.length][b];
        for (int g = 0; g < grid.length; g++) grid[g] = g / (grid.length - 1.0);
        for (int r = 0; r < b; r++) {
            double[] yy = new double[n], ss = new double[n];
            for (int i = 0; i < n; i++) { int j = rnd.nextInt(n); yy[i] = y[j]; ss[i] = score[j]; }
            double[][] c = roc(yy, ss);
            for (int g = 0; g < grid.length; g++) {
                double best = 0;
                for (int k = 0; k < c[0].length; k++) if (c[0][k] <= grid[g] + 1e-12) best = Math.max(best, c[1][k]);
                tprAt[g][r] = best;
            }
        }
        for (int g = 0; g < grid.length; g++) {
            Arrays.sort(tprAt[g]);
            lo[g] = tprAt[g][(int) (0.025 * b)];
            hi[g] = tprAt[g][(int) (0.975 * b) - 1];
        }
    }
}
