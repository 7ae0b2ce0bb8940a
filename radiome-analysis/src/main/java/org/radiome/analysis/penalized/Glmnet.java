package org.radiome.analysis.penalized;

import java.util.Arrays;
import java.util.List;

import org.radiome.analysis.AnalysisException;
import org.radiome.analysis.survival.SurvivalData;

/**
 * Elastic-net regression as {@code glmnet(x, y, family, alpha, lambda, standardize = TRUE)} computes it,
 * solved to full convergence (R's reference used {@code thresh = 1e-28}).
 *
 * <p>The objective, as glmnet's: over the predictors standardised by their mean and population SD
 * (divisor n), minimise L(b) + lambda [(1 - alpha)/2 ||b||^2 + alpha ||b||_1], where L is 1/(2n) RSS
 * (gaussian), -loglik/n (binomial, with an unpenalised intercept) or -(Breslow partial loglik)/n (cox).
 * For gaussian, glmnet also scales y by its population SD s_y and lambda by 1/s_y; so does this class
 * (for the lasso that is the same problem; for alpha < 1 it changes the ridge part, as in glmnet).
 * Coefficients are reported on the original scale, b_j / sd_j, with the intercept adjusted for the means.
 *
 * <p>Method: proximal Newton. At the current point the smooth part is replaced by its second-order
 * expansion (exact gradient and full Hessian), the penalised quadratic is minimised by cyclic coordinate
 * descent to convergence, and a backtracking step keeps the objective falling. Near the optimum this
 * converges quadratically, so the result is the exact minimiser to rounding, whatever path R took to it.
 * Hand-written: no maintained Java library fits glmnet's objective. Thread-safe.
 */
public final class Glmnet {
    public enum Family { GAUSSIAN, BINOMIAL, COX }

    /**
     * One fit: lambda, intercept (0 for cox), coefficients on the original scale, non-zero count, deviance
     * ratio, and the largest violation of the optimality (KKT) conditions relative to lambda (see
     * {@link #kktViolation}).
     */
    public record Fit(double lambda, double intercept, double[] beta, int df, double devRatio, double kktViolation) { }

    private Glmnet() { }

    /**
     * Fits at every lambda (in any order; solved from the largest down with warm starts).
     *
     * @param x       predictors, {@code x[j]} over the cases; a constant predictor gets coefficient 0, as in glmnet
     * @param y       the response (gaussian: numeric; binomial: 0/1); ignored for cox
     * @param surv    the survival outcome for cox; null otherwise
     */
    public static List<Fit> fit(Family family, double[][] x, double[] y, SurvivalData surv, double alpha, double[] lambdas) {
        if (!(alpha >= 0 && alpha <= 1)) throw new AnalysisException("alpha must lie in [0, 1], was " + alpha);
        for (double l : lambdas) if (!(l >= 0) || Double.isInfinite(l)) throw new AnalysisException("lambda must be a finite number >= 0, was " + l);
        int p = x.length, n = family == Family.COX ? surv.size() : y.length;
        double[] mean = new double[p], sd = new double[p];
        double[][] xs = new double[p][n];
        for (int j = 0; j < p; j++) {
            for (double v : x[j]) mean[j] += v / n;
            double ss = 0;
            for (double v : x[j]) ss += (v - mean[j]) * (v - mean[j]);
            sd[j] = Math.sqrt(ss / n);
            for (int i = 0; i < n; i++) xs[j][i] = sd[j] > 0 ? (x[j][i] - mean[j]) / sd[j] : 0;
        }
        Smooth smooth;
        double yMean = 0, yScale = 1;
        switch (family) {
            case GAUSSIAN -> {
                for (double v : y) yMean += v / n;
                double ss = 0;
                for (double v : y) ss += (v - yMean) * (v - yMean);
                yScale = Math.sqrt(ss / n);
                if (yScale == 0) throw new AnalysisException("the response is constant");
                double[] ys = new double[n];
                for (int i = 0; i < n; i++) ys[i] = (y[i] - yMean) / yScale;
                smooth = new Gaussian(xs, ys);
            }
            case BINOMIAL -> smooth = new Binomial(xs, y);
            case COX -> smooth = new CoxBreslow(xs, surv);
            default -> throw new IllegalStateException();
        }
        boolean intercept = family != Family.COX;
        int dim = p + (intercept ? 1 : 0), off = intercept ? 1 : 0;
        boolean[] penalised = new boolean[dim];
        boolean[] active = new boolean[dim];
        for (int j = 0; j < dim; j++) {
            penalised[j] = j >= off;
            active[j] = j < off || sd[j - off] > 0;
        }
        double[] theta = new double[dim];
        if (family == Family.BINOMIAL) theta[0] = ((Binomial) smooth).nullIntercept();
        Integer[] order = new Integer[lambdas.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(lambdas[b], lambdas[a]));
        Fit[] fits = new Fit[lambdas.length];
        double nullValue = smooth.nullValue(), saturated = smooth.saturatedValue();
        for (int idx : order) {
            double lambda = lambdas[idx] / yScale;
            theta = solve(smooth, theta, penalised, active, lambda, alpha);
            double[] beta = new double[p];
            int df = 0;
            for (int j = 0; j < p; j++) {
                beta[j] = sd[j] > 0 ? theta[j + off] * yScale / sd[j] : 0;
                if (beta[j] != 0) df++;
            }
            double a = 0;
            if (intercept) {
                a = yMean + yScale * theta[0];
                for (int j = 0; j < p; j++) a -= beta[j] * mean[j];
            }
            double devRatio = 1 - (smooth.value(theta) - saturated) / (nullValue - saturated);
            fits[idx] = new Fit(lambdas[idx], a, beta, df, devRatio, kktViolation(smooth, theta, penalised, active, lambda, alpha));
        }
        return List.of(fits);
    }

    /**
     * The largest violation of the Karush-Kuhn-Tucker conditions of the objective on the standardised scale
     * (where glmnet solves it), divided by lambda: with g the gradient of the smooth part, a non-zero
     * penalised coefficient b_j needs g_j + lambda (1 - alpha) b_j + lambda alpha sign(b_j) = 0, a zero one
     * |g_j| <= lambda alpha, and the unpenalised intercept g_0 = 0. At an exact optimum this is 0; rounding
     * leaves about 1e-13. (At lambda = 0 the violation itself is returned.)
     */
    static double kktViolation(Smooth f, double[] theta, boolean[] penalised, boolean[] active, double lambda, double alpha) {
        int d = theta.length;
        double[] g = new double[d];
        f.gradientHessian(theta, g, new double[d][d]);
        double worst = 0;
        for (int j = 0; j < d; j++) {
            if (!active[j]) continue;
            double v;
            if (!penalised[j]) v = Math.abs(g[j]);
            else if (theta[j] != 0) v = Math.abs(g[j] + lambda * (1 - alpha) * theta[j] + lambda * alpha * Math.signum(theta[j]));
            else v = Math.max(0, Math.abs(g[j]) - lambda * alpha);
            worst = Math.max(worst, v);
        }
        return lambda > 0 ? worst / lambda : worst;
    }

    /** Proximal Newton with backtracking, to convergence. */
    static double[] solve(Smooth f, double[] start, boolean[] penalised, boolean[] active, double lambda, double alpha) {
        int d = start.length;
        double[] theta = start.clone();
        double[] g = new double[d];
        double[][] h = new double[d][d];
        double current = f.value(theta) + penalty(theta, penalised, lambda, alpha);
        for (int outer = 0; outer < 1000; outer++) {
            f.gradientHessian(theta, g, h);
            double[] target = coordinateDescent(theta, g, h, penalised, active, lambda, alpha);
            double[] step = new double[d];
            double size = 0;
            for (int j = 0; j < d; j++) {
                step[j] = target[j] - theta[j];
                size = Math.max(size, Math.abs(step[j]));
            }
            if (size == 0) return theta;
            double t = 1, next;
            double[] candidate = new double[d];
            while (true) {
                for (int j = 0; j < d; j++) candidate[j] = theta[j] + t * step[j];
                if (t == 1) candidate = target.clone(); // keep the exact zeros of the full step
                next = f.value(candidate) + penalty(candidate, penalised, lambda, alpha);
                if (next <= current + 1e-15 * Math.abs(current) || t < 1e-10) break;
                t /= 2;
            }
            theta = candidate;
            boolean done = t * size < 1e-13 || (t == 1 && current - next <= 1e-16 * Math.abs(current) && size < 1e-9);
            current = Math.min(current, next);
            if (done) return theta;
        }
        throw new AnalysisException("glmnet did not converge at lambda " + lambda + " (is the response separated by the predictors?)");
    }

    /**
     * Minimises g'(t - theta) + 1/2 (t - theta)' H (t - theta) + penalty(t) by cyclic coordinate descent,
     * until no coordinate moves by more than 1e-15 (relative).
     */
    static double[] coordinateDescent(double[] theta, double[] g, double[][] h, boolean[] penalised, boolean[] active,
                                      double lambda, double alpha) {
        int d = theta.length;
        double[] t = theta.clone();
        double[] hDelta = new double[d]; // H (t - theta)
        double l1 = lambda * alpha, l2 = lambda * (1 - alpha);
        boolean[] all = active.clone();
        // a loose descent usually finds the support and signs already; polish then solves exactly on it
        descend(t, g, h, hDelta, penalised, all, l1, l2, 1e-6);
        double[] exact = polish(theta, t, g, h, penalised, all, l1, l2);
        if (exact != null) return exact;
        descend(t, g, h, hDelta, penalised, all, l1, l2, 1e-9);
        exact = polish(theta, t, g, h, penalised, all, l1, l2);
        if (exact != null) return exact;
        descend(t, g, h, hDelta, penalised, all, l1, l2, 1e-15);
        return t;
    }

    /**
     * glmnet's strategy: a full sweep, then sweeps over the non-zero coordinates until they settle, until a
     * full sweep moves nothing by more than {@code tol}.
     */
    private static void descend(double[] t, double[] g, double[][] h, double[] hDelta, boolean[] penalised, boolean[] all,
                                double l1, double l2, double tol) {
        int d = t.length;
        boolean[] nonZero = new boolean[d];
        for (int round = 0; round < 1_000_000; round++) {
            if (sweep(t, g, h, hDelta, penalised, all, l1, l2) < tol) return;
            for (int j = 0; j < d; j++) nonZero[j] = all[j] && (t[j] != 0 || !penalised[j]);
            for (int inner = 0; inner < 1_000_000; inner++) {
                if (sweep(t, g, h, hDelta, penalised, nonZero, l1, l2) < tol) break;
            }
        }
    }

    /**
     * Given the support and signs that coordinate descent has found, solves the optimality conditions on
     * the support exactly, (H_AA + l2 I) t_A = H_A. theta - g_A - l1 sign(t_A), and returns that solution if
     * it keeps the signs and satisfies the conditions off the support; null otherwise (coordinate descent
     * then continues to full precision).
     */
    private static double[] polish(double[] theta, double[] t, double[] g, double[][] h, boolean[] penalised, boolean[] all,
                                   double l1, double l2) {
        int d = t.length;
        int[] support = java.util.stream.IntStream.range(0, d).filter(j -> all[j] && (t[j] != 0 || !penalised[j])).toArray();
        int m = support.length;
        double[] result = new double[d];
        if (m > 0) {
            double[][] a = new double[m][m];
            double[] rhs = new double[m];
            for (int r = 0; r < m; r++) {
                int j = support[r];
                for (int c = 0; c < m; c++) a[r][c] = h[j][support[c]];
                double hTheta = 0;
                for (int k = 0; k < d; k++) hTheta += h[j][k] * theta[k];
                rhs[r] = hTheta - g[j];
                if (penalised[j]) {
                    a[r][r] += l2;
                    rhs[r] -= l1 * Math.signum(t[j]);
                }
            }
            double[] solved;
            try {
                solved = new org.hipparchus.linear.LUDecomposition(new org.hipparchus.linear.Array2DRowRealMatrix(a, false))
                    .getSolver().solve(new org.hipparchus.linear.ArrayRealVector(rhs, false)).toArray();
            } catch (org.hipparchus.exception.MathIllegalArgumentException e) {
                return null;
            }
            for (int r = 0; r < m; r++) {
                int j = support[r];
                if (penalised[j] && Math.signum(solved[r]) != Math.signum(t[j])) return null;
                result[j] = solved[r];
            }
        }
        for (int j = 0; j < d; j++) {
            if (!all[j] || result[j] != 0 || !penalised[j]) continue;
            double grad = g[j];
            for (int k = 0; k < d; k++) grad += h[j][k] * (result[k] - theta[k]);
            if (Math.abs(grad) > l1 * (1 + 1e-9)) return null;
        }
        return result;
    }

    /** One cyclic pass over the flagged coordinates; returns the largest (curvature-scaled) move. */
    private static double sweep(double[] t, double[] g, double[][] h, double[] hDelta, boolean[] penalised, boolean[] which,
                                double l1, double l2) {
        int d = t.length;
        double maxChange = 0;
        for (int j = 0; j < d; j++) {
            if (!which[j]) continue;
            double hjj = h[j][j];
            if (!(hjj > 0)) continue;
            // minimiser along j of the quadratic plus penalty, the other coordinates fixed
            double u = hjj * t[j] - (g[j] + hDelta[j]);
            double nj = penalised[j] ? softThreshold(u, l1) / (hjj + l2) : u / hjj;
            double change = nj - t[j];
            if (change != 0) {
                for (int k = 0; k < d; k++) hDelta[k] += h[k][j] * change;
                t[j] = nj;
                maxChange = Math.max(maxChange, Math.abs(change) * Math.sqrt(hjj));
            }
        }
        return maxChange;
    }

    private static double softThreshold(double u, double l) {
        if (u > l) return u - l;
        if (u < -l) return u + l;
        return 0;
    }

    private static double penalty(double[] theta, boolean[] penalised, double lambda, double alpha) {
        double s = 0;
        for (int j = 0; j < theta.length; j++) {
            if (penalised[j]) s += alpha * Math.abs(theta[j]) + (1 - alpha) / 2 * theta[j] * theta[j];
        }
        return lambda * s;
    }

    /** The smooth part of the objective on the standardised scale. */
    interface Smooth {
        double value(double[] theta);

        void gradientHessian(double[] theta, double[] g, double[][] h);

        /** The value of the intercept-only (or empty) model, for the deviance ratio. */
        double nullValue();

        /** The value of the saturated model (0 except for cox with tied deaths). */
        double saturatedValue();
    }

    /** 1/(2n) ||y - a - X b||^2, theta = (a, b). */
    static final class Gaussian implements Smooth {
        final double[][] x;
        final double[] y;
        final int n;

        Gaussian(double[][] x, double[] y) { this.x = x; this.y = y; this.n = y.length; }

        @Override
        public double value(double[] theta) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                double r = y[i] - theta[0];
                for (int j = 0; j < x.length; j++) r -= theta[j + 1] * x[j][i];
                s += r * r;
            }
            return s / (2 * n);
        }

        @Override
        public void gradientHessian(double[] theta, double[] g, double[][] h) {
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                double v = y[i] - theta[0];
                for (int j = 0; j < x.length; j++) v -= theta[j + 1] * x[j][i];
                r[i] = v;
            }
            Quadratic.fill(x, r, null, n, g, h);
        }

        @Override
        public double nullValue() {
            double m = 0, s = 0;
            for (double v : y) m += v / n;
            for (double v : y) s += (v - m) * (v - m);
            return s / (2 * n);
        }

        @Override
        public double saturatedValue() { return 0; }
    }

    /** -(1/n) sum [y eta - log(1 + e^eta)], theta = (a, b). */
    static final class Binomial implements Smooth {
        final double[][] x;
        final double[] y;
        final int n;

        Binomial(double[][] x, double[] y) {
            this.x = x;
            this.y = y;
            this.n = y.length;
            int ones = 0;
            for (double v : y) {
                if (v == 1) ones++;
                else if (v != 0) throw new AnalysisException("a binomial response must be 0 or 1, found " + v);
            }
            if (ones == 0 || ones == n) throw new AnalysisException("the response has one class only");
        }

        double nullIntercept() {
            double m = 0;
            for (double v : y) m += v / n;
            return Math.log(m / (1 - m));
        }

        double eta(double[] theta, int i) {
            double e = theta[0];
            for (int j = 0; j < x.length; j++) e += theta[j + 1] * x[j][i];
            return e;
        }

        @Override
        public double value(double[] theta) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                double e = eta(theta, i);
                s += y[i] * e - (e > 0 ? e + Math.log1p(Math.exp(-e)) : Math.log1p(Math.exp(e)));
            }
            return -s / n;
        }

        @Override
        public void gradientHessian(double[] theta, double[] g, double[][] h) {
            double[] r = new double[n], w = new double[n];
            for (int i = 0; i < n; i++) {
                double pr = 1 / (1 + Math.exp(-eta(theta, i)));
                r[i] = y[i] - pr;
                w[i] = pr * (1 - pr);
            }
            Quadratic.fill(x, r, w, n, g, h);
        }

        @Override
        public double nullValue() {
            double[] t = new double[x.length + 1];
            t[0] = nullIntercept();
            return value(t);
        }

        @Override
        public double saturatedValue() { return 0; }
    }

    /** Shared by gaussian and binomial: g = -(1/n) Z' r, H = (1/n) Z' W Z with Z = [1, X]. */
    static final class Quadratic {
        private Quadratic() { }

        static void fill(double[][] x, double[] r, double[] w, int n, double[] g, double[][] h) {
            int d = x.length + 1;
            for (double[] row : h) Arrays.fill(row, 0);
            Arrays.fill(g, 0);
            double[] z = new double[d];
            for (int i = 0; i < n; i++) {
                z[0] = 1;
                for (int j = 0; j < x.length; j++) z[j + 1] = x[j][i];
                double wi = w == null ? 1 : w[i];
                for (int a = 0; a < d; a++) {
                    g[a] -= z[a] * r[i] / n;
                    double wa = wi * z[a] / n;
                    for (int b = 0; b <= a; b++) h[a][b] += wa * z[b];
                }
            }
            for (int a = 0; a < d; a++) for (int b = 0; b < a; b++) h[b][a] = h[a][b];
        }
    }

    /** -(1/n) Breslow partial log-likelihood, theta = b. */
    static final class CoxBreslow implements Smooth {
        final double[][] x;
        final SurvivalData data;
        final double[][] rows; // rows[i][j] = x[j][i], for cache-friendly risk-set sums
        final int[] order; // by time, descending
        final int n;

        CoxBreslow(double[][] x, SurvivalData data) {
            this.x = x;
            this.rows = new double[data.size()][x.length];
            for (int j = 0; j < x.length; j++) for (int i = 0; i < data.size(); i++) rows[i][j] = x[j][i];
            this.data = data;
            this.n = data.size();
            if (data.events() == 0) throw new AnalysisException("no events: the Cox model is undefined");
            Integer[] o = new Integer[n];
            for (int i = 0; i < n; i++) o[i] = i;
            Arrays.sort(o, (a, b) -> Double.compare(data.time()[b], data.time()[a]));
            order = Arrays.stream(o).mapToInt(Integer::intValue).toArray();
        }

        @Override
        public double value(double[] theta) {
            return evaluate(theta, null, null);
        }

        @Override
        public void gradientHessian(double[] theta, double[] g, double[][] h) {
            evaluate(theta, g, h);
        }

        private double evaluate(double[] theta, double[] g, double[][] h) {
            int p = x.length;
            double[] eta = new double[n];
            for (int i = 0; i < n; i++) {
                double[] xi = rows[i];
                double e = 0;
                for (int j = 0; j < p; j++) e += theta[j] * xi[j];
                eta[i] = e;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (double e : eta) max = Math.max(max, e);
            double s0 = 0, loglik = 0;
            double[] s1 = g == null ? null : new double[p];
            double[][] s2 = h == null ? null : new double[p][p];
            if (g != null) Arrays.fill(g, 0);
            if (h != null) for (double[] row : h) Arrays.fill(row, 0);
            for (int k = 0; k < n; ) {
                double t = data.time()[order[k]];
                int end = k, deaths = 0;
                while (end < n && data.time()[order[end]] == t) {
                    int i = order[end];
                    double r = Math.exp(eta[i] - max);
                    s0 += r;
                    double[] xi = rows[i];
                    if (g != null) {
                        for (int j = 0; j < p; j++) {
                            double rx = r * xi[j];
                            s1[j] += rx;
                            double[] s2j = s2[j];
                            for (int l = 0; l <= j; l++) s2j[l] += rx * xi[l];
                        }
                    }
                    if (data.event()[i]) {
                        deaths++;
                        loglik += eta[i];
                        if (g != null) for (int j = 0; j < p; j++) g[j] -= xi[j];
                    }
                    end++;
                }
                if (deaths > 0) {
                    loglik -= deaths * (Math.log(s0) + max);
                    if (g != null) {
                        for (int j = 0; j < p; j++) {
                            double mj = s1[j] / s0;
                            g[j] += deaths * mj;
                            for (int l = 0; l <= j; l++) h[j][l] += deaths * (s2[j][l] / s0 - mj * s1[l] / s0);
                        }
                    }
                }
                k = end;
            }
            if (g != null) {
                for (int j = 0; j < p; j++) {
                    g[j] /= n;
                    for (int l = 0; l <= j; l++) { h[j][l] /= n; h[l][j] = h[j][l]; }
                }
            }
            return -loglik / n;
        }

        @Override
        public double nullValue() { return value(new double[x.length]); }

        /** The saturated Breslow model: each death time's d deaths share the risk, log-likelihood -sum d log d. */
        @Override
        public double saturatedValue() {
            double sat = 0;
            for (int k = 0; k < n; ) {
                double t = data.time()[order[k]];
                int end = k, d = 0;
                while (end < n && data.time()[order[end]] == t) { if (data.event()[order[end]]) d++; end++; }
                if (d > 0) sat -= d * Math.log(d);
                k = end;
            }
            return -sat / n;
        }
    }
}
