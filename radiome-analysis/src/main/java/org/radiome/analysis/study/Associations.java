package org.radiome.analysis.study;

import java.util.ArrayList;
import java.util.List;

import org.radiome.analysis.association.Correlation;
import org.radiome.analysis.association.MultipleTesting;
import org.radiome.analysis.association.TestResult;
import org.radiome.analysis.association.TwoSampleTests;

/**
 * The study's radiogenomic (or any imaging-to-variable) associations: every kept feature tested against every
 * variable the spec's {@code associations} section lists, on the whole cohort, with Benjamini-Hochberg q-values
 * over all the tests of the section (the association package's tests, as R computes them).
 *
 * <p>A 0/1 variable (test {@code auto} or {@code mann-whitney}): {@code wilcox.test(x[g == 1], x[g == 0],
 * exact = FALSE, correct = TRUE)}, statistic W, estimate the rank-biserial correlation 2 W / (n1 n0) - 1 (the
 * probability that a case coded 1 has the larger value minus the reverse; in [-1, 1], positive when the feature
 * is higher where the variable is 1). Any other numeric variable ({@code auto} or {@code spearman}):
 * {@code cor.test(method = "spearman", exact = FALSE)}, statistic S, estimate rho. Both estimates lie in
 * [-1, 1] so one heatmap and one volcano can show them together. A case missing the feature or the variable
 * is left out of that test ({@code n} says how many were used), as R's tests drop NA pairs. Thread-safe (no state).
 */
public final class Associations {
    private Associations() { }

    /** One feature-variable test. */
    public record Result(String feature, String variable, String test, int n, double statistic, double estimate, double p, double q) { }

    /**
     * @param x      the features, {@code x[f][case]}, NaN where missing (such pairs are left out)
     * @param values the variables, {@code values[v][case]}, NaN where missing
     * @param test   {@code auto}, {@code mann-whitney} or {@code spearman}
     */
    public static List<Result> run(List<String> features, double[][] x, List<String> variables, double[][] values, String test) {
        List<Result> raw = new ArrayList<>();
        for (int v = 0; v < variables.size(); v++) {
            String name = variables.get(v);
            double[] g = values[v];
            int present = 0, ones = 0;
            boolean binary = true;
            for (double d : g) {
                if (Double.isNaN(d)) continue;
                present++;
                if (d == 1) ones++;
                else if (d != 0) binary = false;
            }
            boolean mw = switch (test) {
                case "mann-whitney" -> {
                    if (!binary) throw new StudyException("associations: variable " + name + " is not coded 0/1, so it cannot take the Mann-Whitney test");
                    yield true;
                }
                case "spearman" -> false;
                default -> binary;
            };
            if (mw && (ones == 0 || ones == present)) {
                throw new StudyException("associations: variable " + name + " has " + (ones == 0 ? "no case coded 1" : "no case coded 0")
                    + " among the study's " + present + " cases with a value");
            }
            if (present < 3) throw new StudyException("associations: variable " + name + " has a value for only " + present + " of the study's cases");
            for (int f = 0; f < features.size(); f++) {
                String what = features.get(f) + " ~ " + name;
                double[] xf = x[f];
                int[] rows = java.util.stream.IntStream.range(0, g.length).filter(i -> !Double.isNaN(g[i]) && !Double.isNaN(xf[i])).toArray();
                if (mw) {
                    int m = 0;
                    for (int i : rows) if (g[i] == 1) m++;
                    double[] a = new double[m], b = new double[rows.length - m];
                    int ia = 0, ib = 0;
                    for (int i : rows) {
                        if (g[i] == 1) a[ia++] = xf[i];
                        else b[ib++] = xf[i];
                    }
                    TestResult r = TwoSampleTests.mannWhitney(a, b, what);
                    double biserial = 2 * r.statistic() / ((double) a.length * b.length) - 1;
                    raw.add(new Result(features.get(f), name, "mann-whitney", r.n(), r.statistic(), biserial, r.p(), Double.NaN));
                } else {
                    double[] a = new double[rows.length], b = new double[rows.length];
                    for (int k = 0; k < rows.length; k++) {
                        a[k] = xf[rows[k]];
                        b[k] = g[rows[k]];
                    }
                    TestResult r = Correlation.spearman(a, b, what);
                    raw.add(new Result(features.get(f), name, "spearman", r.n(), r.statistic(), r.estimate(), r.p(), Double.NaN));
                }
            }
        }
        double[] p = new double[raw.size()];
        for (int i = 0; i < p.length; i++) p[i] = raw.get(i).p();
        double[] q = MultipleTesting.benjaminiHochberg(p);
        List<Result> out = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            Result r = raw.get(i);
            out.add(new Result(r.feature(), r.variable(), r.test(), r.n(), r.statistic(), r.estimate(), r.p(), q[i]));
        }
        return List.copyOf(out);
    }
}
