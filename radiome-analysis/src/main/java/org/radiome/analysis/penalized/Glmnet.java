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
 * <p>Method. The lambdas are solved from the largest down, each warm-started from the last solution, on an
 * active set as glmnet does: the coordinates that are non-zero or pass the sequential strong rule
 * |g_j| >= alpha (2 lambda - lambda_previous); the rest are held at zero and, once the active problem is
 * solved, the optimality (KKT) conditions are checked over all coordinates, violators join the set and the
 * solve repeats. The active problem is solved by proximal Newton: the smooth part is replaced by its
 * second-order expansion (exact gradient and Hessian, on the active coordinates only: O(n |A|^2)), the
 * penalised quadratic is minimised exactly by an active-set (feature-sign) method, a backtracking step keeps
 * the objective falling, and the iteration stops when a full Newton step is below 1e-9 (the next one would be
 * below rounding, Newton converging quadratically). The result is the exact minimiser to rounding, whatever
 * path R took to it; the exact inner solve is what keeps near-unpenalised fits of correlated features, where
 * coordinate descent crawls, as fast as the others. Cox sums over risk sets are cumulative sums in time order,
 * O(n) per coordinate (O(n) per pair for the Hessian). Hand-written: no maintained Java library fits glmnet's
 * objective. Thread-safe (all state is local to a call).
 *
 * <p>Penalty factors ({@code penalty.factor}): column j's penalty is multiplied by vp_j, both its lasso and its
 * ridge part, lambda vp_j [(1 - alpha)/2 b_j^2 + alpha |b_j|]; vp_j = 0 leaves it unpenalised, so it is in every
 * model. As in glmnet ({@code glmnet.path}: {@code vp = pmax(0, penalty.factor); vp = vp * nvars / sum(vp)}) the
 * factors are first rescaled to sum to the number of columns, so factors all equal to c give the fit of factors
 * all 1. Where glmnet stops ("All penalty factors are <= 0"), this class fits every column unpenalised, the
 * (unique when it exists) maximum-likelihood fit, whatever lambda.
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
     * Optimality is reached when no KKT condition is violated by more than this fraction of lambda (rounding
     * leaves about 1e-15 to 1e-13; R's fits in reference.json show about 1e-13).
     */
    static final double KKT_TOLERANCE = 1e-13;

    /**
     * Fits at every lambda (in any order; solved from the largest down with warm starts).
     *
     * @param x       predictors, {@code x[j]} over the cases; a constant predictor gets coefficient 0, as in glmnet
     * @param y       the response (gaussian: numeric; binomial: 0/1); ignored for cox
     * @param surv    the survival outcome for cox; null otherwise
     */
    public static List<Fit> fit(Family family, double[][] x, double[] y, SurvivalData surv, double alpha, double[] lambdas) {
        return fit(family, x, y, surv, alpha, lambdas, null);
    }

    /**
     * Fits at every lambda with per-column penalty factors (glmnet's {@code penalty.factor}; null for all 1), see
     * the class comment for their rescaling.
     */
    public static List<Fit> fit(Family family, double[][] x, double[] y, SurvivalData surv, double alpha, double[] lambdas,
                                double[] penaltyFactor) {
        if (!(alpha >= 0 && alpha <= 1)) throw new AnalysisException("alpha must lie in [0, 1], was " + alpha);
        for (double l : lambdas) if (!(l >= 0) || Double.isInfinite(l)) throw new AnalysisException("lambda must be a finite number >= 0, was " + l);
        double[] vp = rescaledFactors(penaltyFactor, x.length);
        Problem problem = new Problem(family, x, y, surv, vp);
        return problem.fit(alpha, lambdas);
    }

    /**
     * glmnet's rescaling of the penalty factors: negative ones to 0, then scaled to sum to {@code p}; all 1 when
     * {@code factors} is null, all 0 when none is positive (where glmnet stops).
     */
    public static double[] rescaledFactors(double[] factors, int p) {
        double[] vp = new double[p];
        if (factors == null) {
            Arrays.fill(vp, 1);
            return vp;
        }
        if (factors.length != p) throw new AnalysisException("there are " + factors.length + " penalty factors for " + p + " columns");
        double sum = 0;
        for (int j = 0; j < p; j++) {
            if (Double.isNaN(factors[j]) || Double.isInfinite(factors[j])) throw new AnalysisException("a penalty factor must be a finite number, was " + factors[j]);
            vp[j] = Math.max(0, factors[j]);
            sum += vp[j];
        }
        if (sum > 0) for (int j = 0; j < p; j++) vp[j] = vp[j] * p / sum;
        return vp;
    }

    /**
     * glmnet's lambda_max with penalty factors: the smallest lambda at which every penalised coefficient is zero,
     * max over the non-constant columns with vp_j > 0 of |g_j| / vp_j, divided by max(alpha, 1e-3) (glmnet's floor,
     * so that a ridge path still starts somewhere finite), where g is the gradient of the smooth part on the
     * standardised scale at the null model: the intercept and the unpenalised columns fitted, every penalised one
     * zero (glmnet's first, lambda = infinity, solution; R's {@code fix.lam} puts it back as the path's first value).
     * vp are the factors after {@link #rescaledFactors} (null: all 1). When every column is penalised the null model
     * is the intercept alone (or nothing, cox) and g has a closed form ({@link #nullModelLambdaMax}); otherwise the
     * unpenalised columns are fitted by the solver first ({@link #fittedNullModelLambdaMax}). NaN when no column is
     * penalised.
     */
    public static double lambdaMax(Family family, double[][] x, double[] y, SurvivalData surv, double alpha, double[] penaltyFactor) {
        double[] vp = rescaledFactors(penaltyFactor, x.length);
        for (double v : vp) if (!(v > 0)) return fittedNullModelLambdaMax(family, x, y, surv, alpha, vp);
        return nullModelLambdaMax(family, x, y, surv, alpha, vp);
    }

    /** lambda_max with the unpenalised columns fitted by the solver (any factors, vp rescaled). */
    static double fittedNullModelLambdaMax(Family family, double[][] x, double[] y, SurvivalData surv, double alpha, double[] vp) {
        return new Problem(family, x, y, surv, vp).lambdaMax(alpha);
    }

    /**
     * lambda_max when every column is penalised (vp_j > 0, rescaled): the null model's gradient in closed form,
     * g_j = -(1/n) sum_i z_ij r_i over the standardised column z_j, r the null model's residual: y - mean(y)
     * (gaussian on y's own scale, which undoes glmnet's scaling of y and lambda; binomial, at the intercept-only
     * fit), or the martingale residual of the null Cox model under Breslow ties ({@link #coxNullResidual}).
     * Constant columns are skipped (glmnet leaves them at zero).
     */
    static double nullModelLambdaMax(Family family, double[][] x, double[] y, SurvivalData surv, double alpha, double[] vp) {
        int n = family == Family.COX ? surv.size() : y.length;
        double[] residual = switch (family) {
            case BINOMIAL, GAUSSIAN -> {
                if (family == Family.BINOMIAL) Binomial.requireBinary(y);
                double mean = Arrays.stream(y).sum() / n;
                double[] r = new double[n];
                boolean constant = true;
                for (int i = 0; i < n; i++) {
                    r[i] = y[i] - mean;
                    constant &= y[i] == y[0];
                }
                if (constant) throw new AnalysisException("the response is constant");
                yield r;
            }
            case COX -> {
                if (surv.events() == 0) throw new AnalysisException("no events: the Cox model is undefined");
                yield coxNullResidual(surv);
            }
        };
        double best = 0;
        for (int j = 0; j < x.length; j++) {
            double[] column = x[j];
            double mean = 0;
            for (double v : column) mean += v / n;
            double ss = 0, dot = 0;
            for (int i = 0; i < n; i++) {
                double c = column[i] - mean;
                ss += c * c;
                dot += c * residual[i];
            }
            double sd = Math.sqrt(ss / n);
            if (sd > 0) best = Math.max(best, Math.abs(dot / sd) / n / vp[j]);
        }
        return best / Math.max(alpha, ALPHA_FLOOR);
    }

    /** glmnet's floor on alpha when computing lambda_max. */
    static final double ALPHA_FLOOR = 1e-3;

    /**
     * The martingale residual of the null Cox model under Breslow ties, event_i - H0(t_i) with
     * H0(t) = sum over death times s <= t of d(s) / |R(s)|: the score at beta = 0 is sum_i x_i r_i.
     */
    static double[] coxNullResidual(SurvivalData surv) {
        int n = surv.size();
        double[] t = surv.time();
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) boxed[i] = i;
        Arrays.sort(boxed, (a, b) -> Double.compare(t[a], t[b]));
        double[] r = new double[n];
        double cumHazard = 0;
        for (int k = 0; k < n; ) {
            int end = k, deaths = 0;
            while (end < n && t[boxed[end]] == t[boxed[k]]) {
                if (surv.event()[boxed[end]]) deaths++;
                end++;
            }
            cumHazard += (double) deaths / (n - k); // cases at time >= t are at risk
            for (int m = k; m < end; m++) r[boxed[m]] = (surv.event()[boxed[m]] ? 1 : 0) - cumHazard;
            k = end;
        }
        return r;
    }

    /** One data set on the standardised scale: the columns, the smooth part, the weights of the penalty. */
    private static final class Problem {
        final Family family;
        final int p, off, dim;
        final boolean intercept;
        final double[] mean, sd, weight;
        final boolean[] eligible;
        final Smooth smooth;
        double yMean = 0, yScale = 1;

        Problem(Family family, double[][] x, double[] y, SurvivalData surv, double[] vp) {
            this.family = family;
            int p = x.length, n = family == Family.COX ? surv.size() : y.length;
            this.p = p;
            boolean intercept = family != Family.COX;
            this.intercept = intercept;
            int off = intercept ? 1 : 0, dim = p + off;
            this.off = off;
            this.dim = dim;
            double[] mean = new double[p], sd = new double[p];
            this.mean = mean;
            this.sd = sd;
            // z: the columns of the model on the standardised scale, with a column of ones for the intercept
            double[][] z = new double[dim][];
            if (intercept) {
                z[0] = new double[n];
                Arrays.fill(z[0], 1);
            }
            for (int j = 0; j < p; j++) {
                for (double v : x[j]) mean[j] += v / n;
                double ss = 0;
                for (double v : x[j]) ss += (v - mean[j]) * (v - mean[j]);
                sd[j] = Math.sqrt(ss / n);
                double[] col = new double[n];
                for (int i = 0; i < n; i++) col[i] = sd[j] > 0 ? (x[j][i] - mean[j]) / sd[j] : 0;
                z[j + off] = col;
            }
            Smooth smooth;
            switch (family) {
                case GAUSSIAN -> {
                    for (double v : y) yMean += v / n;
                    double ss = 0;
                    for (double v : y) ss += (v - yMean) * (v - yMean);
                    yScale = Math.sqrt(ss / n);
                    if (yScale == 0) throw new AnalysisException("the response is constant");
                    double[] ys = new double[n];
                    for (int i = 0; i < n; i++) ys[i] = (y[i] - yMean) / yScale;
                    smooth = new Gaussian(z, ys);
                }
                case BINOMIAL -> smooth = new Binomial(z, y);
                case COX -> smooth = new CoxBreslow(z, surv);
                default -> throw new IllegalStateException();
            }
            this.smooth = smooth;
            weight = new double[dim];
            eligible = new boolean[dim];
            for (int j = 0; j < dim; j++) {
                weight[j] = j < off ? 0 : vp[j - off];
                eligible[j] = j < off || sd[j - off] > 0;
            }
        }

        /** The start of every path: the intercept (binomial) at the null model's, everything else zero. */
        double[] start() {
            double[] theta = new double[dim];
            if (family == Family.BINOMIAL) theta[0] = ((Binomial) smooth).nullIntercept();
            return theta;
        }

        double lambdaMax(double alpha) {
            boolean any = false;
            for (int j = 0; j < dim; j++) any |= weight[j] > 0 && eligible[j];
            if (!any) return Double.NaN;
            // the null model: the unpenalised coordinates fitted (at lambda 0, on them alone)
            boolean[] unpenalised = new boolean[dim];
            for (int j = 0; j < dim; j++) unpenalised[j] = eligible[j] && weight[j] == 0;
            Solver solver = new Solver(smooth, new double[dim], unpenalised, alpha);
            solver.solve(start(), 0);
            double best = 0;
            for (int j = 0; j < dim; j++) if (eligible[j] && weight[j] > 0) best = Math.max(best, Math.abs(solver.gradient[j]) / weight[j]);
            return best * yScale / Math.max(alpha, ALPHA_FLOOR);
        }

        List<Fit> fit(double alpha, double[] lambdas) {
            double[] theta = start();
            Integer[] order = new Integer[lambdas.length];
            for (int i = 0; i < order.length; i++) order[i] = i;
            Arrays.sort(order, (a, b) -> Double.compare(lambdas[b], lambdas[a]));
            Fit[] fits = new Fit[lambdas.length];
            double nullValue = smooth.nullValue(), saturated = smooth.saturatedValue();
            Solver solver = new Solver(smooth, weight, eligible, alpha);
            for (int idx : order) {
                double lambda = lambdas[idx] / yScale;
                theta = solver.solve(theta, lambda);
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
                fits[idx] = new Fit(lambdas[idx], a, beta, df, devRatio, kktViolation(solver.gradient, theta, weight, eligible, lambda, alpha));
            }
            return List.of(fits);
        }
    }

    /**
     * The largest violation of the Karush-Kuhn-Tucker conditions of the objective on the standardised scale
     * (where glmnet solves it), divided by lambda: with g the gradient of the smooth part and vp_j the (rescaled)
     * penalty factor, a non-zero penalised coefficient b_j needs g_j + lambda vp_j [(1 - alpha) b_j + alpha sign(b_j)] = 0,
     * a zero one |g_j| <= lambda vp_j alpha, and the intercept and the unpenalised columns (vp_j = 0) g_j = 0. At an
     * exact optimum this is 0; rounding leaves about 1e-13. (At lambda = 0 the violation itself is returned.)
     */
    static double kktViolation(double[] g, double[] theta, double[] weight, boolean[] eligible, double lambda, double alpha) {
        double worst = 0;
        for (int j = 0; j < theta.length; j++) {
            double w = weight[j];
            if (eligible[j]) worst = Math.max(worst, violation(g[j], theta[j], w > 0, lambda * alpha * w, lambda * (1 - alpha) * w));
        }
        return lambda > 0 ? worst / lambda : worst;
    }

    private static double violation(double g, double t, boolean penalised, double l1, double l2) {
        if (!penalised) return Math.abs(g);
        if (t != 0) return Math.abs(g + l2 * t + l1 * Math.signum(t));
        return Math.max(0, Math.abs(g) - l1);
    }

    /** The path solver: active set, proximal Newton on it, KKT check over all coordinates. Scratch space reused across lambdas. */
    static final class Solver {
        final Smooth f;
        final boolean[] penalised, eligible;
        /** The penalty factor of each coordinate (0: unpenalised). */
        final double[] weight;
        final double alpha;
        final int d;
        /** The full gradient of the smooth part at the last solution. */
        final double[] gradient;
        final boolean[] inSet;
        /** The last Hessian, the set it is over and the point (on that set) where it was computed. */
        double[][] h = new double[0][0];
        int[] hSet;
        double[] hPoint;

        Solver(Smooth f, double[] weight, boolean[] eligible, double alpha) {
            this.f = f;
            this.weight = weight;
            this.penalised = new boolean[weight.length];
            for (int j = 0; j < weight.length; j++) penalised[j] = weight[j] > 0;
            this.eligible = eligible;
            this.alpha = alpha;
            this.d = weight.length;
            this.gradient = new double[d];
            this.inSet = new boolean[d];
        }

        double[] solve(double[] start, double lambda) {
            double l1 = lambda * alpha, l2 = lambda * (1 - alpha);
            double[] theta = start.clone();
            // the working set: what is non-zero (and the intercept); coordinates that violate optimality join it below
            for (int j = 0; j < d; j++) inSet[j] = eligible[j] && (!penalised[j] || theta[j] != 0 || alpha == 0);
            while (true) {
                int[] set = members(inSet);
                theta = proximalNewton(theta, set, l1, l2);
                f.prepare(theta);
                f.gradient(null, gradient);
                boolean added = false;
                for (int j = 0; j < d; j++) {
                    if (eligible[j] && !inSet[j] && Math.abs(gradient[j]) > l1 * weight[j]) {
                        inSet[j] = true;
                        added = true;
                    }
                }
                if (!added) return theta;
            }
        }

        private static int[] members(boolean[] flags) {
            int m = 0;
            for (boolean b : flags) if (b) m++;
            int[] out = new int[m];
            for (int j = 0, k = 0; j < flags.length; j++) if (flags[j]) out[k++] = j;
            return out;
        }

        /**
         * Proximal Newton with backtracking on the coordinates in {@code set} (the others stay zero), until the
         * optimality conditions hold to rounding. The Hessian is recomputed only where it matters: a Hessian
         * computed at a point closer than 1e-3 (scaled) to the current one is reused as long as the steps keep
         * shrinking fast (each step then contracts the error by about that distance; the fixed point is the
         * exact optimum whatever the curvature used, as the gradient is always exact).
         */
        double[] proximalNewton(double[] start, int[] set, double l1, double l2) {
            int m = set.length;
            double[] theta = start.clone();
            double[] g = new double[d], ts = new double[m], gs = new double[m], candidate = new double[d];
            boolean[] pen = new boolean[m];
            double[] ls1 = new double[m], ls2 = new double[m];
            for (int a = 0; a < m; a++) {
                pen[a] = penalised[set[a]];
                ls1[a] = l1 * weight[set[a]];
                ls2[a] = l2 * weight[set[a]];
            }
            double current = f.value(theta) + penalty(theta, l1, l2);
            double lastSize = Double.POSITIVE_INFINITY, lastKkt = Double.POSITIVE_INFINITY;
            boolean stale = !Arrays.equals(set, hSet);
            for (int outer = 0; outer < 1000; outer++) {
                f.prepare(theta);
                f.gradient(set, g);
                double kkt = 0;
                for (int a = 0; a < m; a++) {
                    ts[a] = theta[set[a]];
                    gs[a] = g[set[a]];
                    kkt = Math.max(kkt, violation(gs[a], ts[a], pen[a], ls1[a], ls2[a]));
                }
                if (kkt <= KKT_TOLERANCE * (l1 + l2)) return theta;
                boolean fresh = stale;
                if (!fresh) {
                    double distance = 0;
                    for (int a = 0; a < m; a++) distance = Math.max(distance, Math.abs(ts[a] - hPoint[a]) * Math.sqrt(Math.max(h[a][a], 0)));
                    fresh = distance > 1e-3;
                }
                if (fresh) {
                    if (h.length < m) h = new double[m][m];
                    f.hessian(set, h);
                    hSet = set;
                    hPoint = ts.clone();
                    stale = false;
                }
                double[] target = QuadraticLasso.solve(ts, gs, h, pen, ls1, ls2);
                double size = 0;
                for (int a = 0; a < m; a++) size = Math.max(size, Math.abs(target[a] - ts[a]) * Math.sqrt(Math.max(h[a][a], 0)));
                if (size == 0) return theta;
                // backtracking while the objective can tell (steps below 1e-7 change it by less than its rounding)
                double t = 1, next;
                while (true) {
                    System.arraycopy(theta, 0, candidate, 0, d);
                    for (int a = 0; a < m; a++) candidate[set[a]] = t == 1 ? target[a] : ts[a] + t * (target[a] - ts[a]);
                    next = f.value(candidate) + penalty(candidate, l1, l2);
                    if (size < 1e-7 || next <= current + 1e-15 * Math.abs(current) || t < 1e-10) break;
                    t /= 2;
                }
                System.arraycopy(candidate, 0, theta, 0, d);
                // with a fresh Hessian Newton converges quadratically: after a full step below 1e-9 the distance
                // left is below rounding; so it is when tiny steps no longer reduce the KKT violation (these end
                // fits whose optimality conditions rounding keeps above the tolerance)
                boolean done = t * size < 1e-14 || (fresh && t == 1 && size < 1e-9) || (size < 1e-9 && kkt >= lastKkt);
                lastKkt = kkt;
                current = Math.min(current, next);
                if (done) return theta;
                // a reused Hessian that no longer contracts fast, or a damped step: recompute next time
                if (!fresh && size > 0.1 * lastSize || t < 1) stale = true;
                lastSize = size;
            }
            throw new AnalysisException("glmnet did not converge at lambda " + (l1 + l2) + " (is the response separated by the predictors?)");
        }

        private double penalty(double[] theta, double l1, double l2) {
            double s = 0;
            for (int j = 0; j < d; j++) if (penalised[j]) s += weight[j] * (l1 * Math.abs(theta[j]) + l2 / 2 * theta[j] * theta[j]);
            return s;
        }
    }

    /**
     * The penalised quadratic of one proximal Newton step: minimise g'(t - theta) + 1/2 (t - theta)' H (t - theta)
     * + sum over penalised j of l1_j |t_j| + l2_j/2 t_j^2, exactly (per coordinate: lambda times its penalty factor).
     */
    static final class QuadraticLasso {
        private QuadraticLasso() { }

        static double[] solve(double[] theta, double[] g, double[][] h, boolean[] pen, double[] l1, double[] l2) {
            int m = theta.length;
            // in the form c't + 1/2 t' Q t + l1 |t|_1 with Q = H + l2 I (penalised), c = g - H theta
            double[] c = new double[m];
            for (int a = 0; a < m; a++) {
                double s = g[a];
                for (int b = 0; b < m; b++) s -= h[a][b] * theta[b];
                c[a] = s;
            }
            double[] diag = new double[m];
            for (int a = 0; a < m; a++) diag[a] = h[a][a] + (pen[a] ? l2[a] : 0);
            double[] exact = featureSign(theta.clone(), c, h, diag, pen, l1);
            if (exact != null) return exact;
            // rarely (singular curvature on a support, no progress): coordinate descent first finds a support close to
            // the optimum's, then the exact solve again; coordinate descent to full precision as a last resort
            double[] t = theta.clone();
            descend(t, c, h, diag, pen, l1, 1e-7);
            exact = featureSign(t.clone(), c, h, diag, pen, l1);
            if (exact != null) return exact;
            descend(t, c, h, diag, pen, l1, 1e-15);
            return t;
        }

        /**
         * Feature-sign search (Lee, Battle, Raina and Ng 2007): with the support and signs of t, solve the
         * optimality conditions on the support exactly; if a sign would flip on the way, stop at the best
         * point of the segment where a coefficient reaches zero and drop it; when the support is solved, add
         * the zero coordinate that most violates |grad_j| <= l1. The objective falls strictly at every step,
         * so it ends, at the exact minimiser. Returns null if a system is singular or it runs too long.
         */
        static double[] featureSign(double[] t, double[] c, double[][] h, double[] diag, boolean[] pen, double[] l1) {
            int m = t.length;
            double[] sign = new double[m];
            boolean[] in = new boolean[m];
            for (int a = 0; a < m; a++) {
                in[a] = !pen[a] || t[a] != 0;
                sign[a] = pen[a] ? Math.signum(t[a]) : 0;
            }
            double[] grad = new double[m];
            double[][] chol = new double[m][m];
            int[] idx = new int[m];
            double[] u = new double[m], rhs = new double[m];
            for (int iter = 0; iter < 20 * m + 20; iter++) {
                int k = 0;
                for (int a = 0; a < m; a++) if (in[a]) idx[k++] = a;
                // solve Q_AA u = -(c_A + l1 sign_A)
                for (int r = 0; r < k; r++) {
                    int a = idx[r];
                    for (int s = 0; s <= r; s++) chol[r][s] = idx[s] == a ? diag[a] : h[a][idx[s]];
                    rhs[r] = -(c[a] + l1[a] * sign[a]);
                }
                if (!cholesky(chol, k)) return null;
                solveCholesky(chol, k, rhs);
                // the segment t -> u on the support: stop at sign changes, keep the lowest objective
                Arrays.fill(u, 0);
                for (int r = 0; r < k; r++) u[idx[r]] = rhs[r];
                boolean crossed = false;
                for (int a = 0; a < m; a++) if (pen[a] && in[a] && u[a] != 0 && Math.signum(u[a]) != sign[a]) crossed = true;
                if (crossed) {
                    double best = objective(t, c, h, diag, pen, l1);
                    double[] bestPoint = null;
                    double[] point = new double[m];
                    for (int a = 0; a < m; a++) {
                        if (!pen[a] || !in[a] || t[a] == 0 || Math.signum(u[a]) == sign[a]) continue;
                        double tau = t[a] / (t[a] - u[a]);
                        for (int b = 0; b < m; b++) point[b] = t[b] + tau * (u[b] - t[b]);
                        point[a] = 0;
                        double v = objective(point, c, h, diag, pen, l1);
                        if (v <= best) { best = v; bestPoint = point.clone(); }
                    }
                    if (bestPoint == null) {
                        // a newly added coordinate (t = 0) points the wrong way first: move as far as signs allow
                        double tau = 1;
                        int hit = -1;
                        for (int a = 0; a < m; a++) {
                            if (!pen[a] || !in[a] || Math.signum(u[a]) == sign[a]) continue;
                            double s = t[a] == 0 ? 0 : t[a] / (t[a] - u[a]);
                            if (s < tau) { tau = s; hit = a; }
                        }
                        if (hit < 0 || t[hit] == 0) return null; // no progress: let coordinate descent move first
                        for (int b = 0; b < m; b++) point[b] = t[b] + tau * (u[b] - t[b]);
                        point[hit] = 0;
                        bestPoint = point;
                    }
                    System.arraycopy(bestPoint, 0, t, 0, m);
                    for (int a = 0; a < m; a++) {
                        if (pen[a] && in[a] && t[a] == 0) { in[a] = false; sign[a] = 0; }
                        else if (pen[a]) sign[a] = Math.signum(t[a]);
                    }
                    continue;
                }
                System.arraycopy(u, 0, t, 0, m);
                for (int a = 0; a < m; a++) if (pen[a] && in[a] && t[a] == 0) { in[a] = false; sign[a] = 0; }
                // optimality off the support: |c_j + (Q t)_j| <= l1
                int worst = -1;
                double worstValue = 0;
                for (int a = 0; a < m; a++) {
                    if (in[a]) continue;
                    double s = c[a];
                    for (int b = 0; b < m; b++) if (t[b] != 0) s += h[a][b] * t[b];
                    grad[a] = s;
                    double excess = Math.abs(s) - l1[a];
                    if (excess > 1e-13 * l1[a] + 1e-16 && excess > worstValue) { worstValue = excess; worst = a; }
                }
                if (worst < 0) return t;
                in[worst] = true;
                sign[worst] = -Math.signum(grad[worst]);
            }
            return null;
        }

        static double objective(double[] t, double[] c, double[][] h, double[] diag, boolean[] pen, double[] l1) {
            int m = t.length;
            double v = 0;
            for (int a = 0; a < m; a++) {
                if (t[a] == 0) continue;
                double q = 0;
                for (int b = 0; b < m; b++) if (b != a && t[b] != 0) q += h[a][b] * t[b];
                v += t[a] * (c[a] + 0.5 * (q + diag[a] * t[a])) + (pen[a] ? l1[a] * Math.abs(t[a]) : 0);
            }
            return v;
        }

        /** In-place lower Cholesky factor of the leading k x k block; false if not positive definite. */
        static boolean cholesky(double[][] a, int k) {
            for (int i = 0; i < k; i++) {
                double[] ai = a[i];
                for (int j = 0; j <= i; j++) {
                    double[] aj = a[j];
                    double s = ai[j];
                    for (int q = 0; q < j; q++) s -= ai[q] * aj[q];
                    if (i == j) {
                        if (!(s > 1e-14 * Math.max(1, Math.abs(ai[i])))) return false;
                        ai[i] = Math.sqrt(s);
                    } else {
                        ai[j] = s / aj[j];
                    }
                }
            }
            return true;
        }

        static void solveCholesky(double[][] l, int k, double[] b) {
            for (int i = 0; i < k; i++) {
                double s = b[i];
                for (int q = 0; q < i; q++) s -= l[i][q] * b[q];
                b[i] = s / l[i][i];
            }
            for (int i = k - 1; i >= 0; i--) {
                double s = b[i];
                for (int q = i + 1; q < k; q++) s -= l[q][i] * b[q];
                b[i] = s / l[i][i];
            }
        }

        /** Cyclic coordinate descent (glmnet's sweeps: all coordinates, then the non-zero ones until they settle). */
        static void descend(double[] t, double[] c, double[][] h, double[] diag, boolean[] pen, double[] l1, double tol) {
            int m = t.length;
            double[] grad = new double[m]; // c + Q t, kept up to date
            for (int a = 0; a < m; a++) {
                double s = c[a] + (diag[a] - h[a][a]) * t[a];
                for (int b = 0; b < m; b++) s += h[a][b] * t[b];
                grad[a] = s;
            }
            boolean[] all = new boolean[m], nonZero = new boolean[m];
            Arrays.fill(all, true);
            for (int round = 0; round < 1_000_000; round++) {
                if (sweep(t, grad, h, diag, pen, all, l1) < tol) return;
                for (int a = 0; a < m; a++) nonZero[a] = t[a] != 0 || !pen[a];
                for (int inner = 0; inner < 1_000_000; inner++) if (sweep(t, grad, h, diag, pen, nonZero, l1) < tol) break;
            }
        }

        private static double sweep(double[] t, double[] grad, double[][] h, double[] diag, boolean[] pen, boolean[] which, double[] l1) {
            int m = t.length;
            double maxChange = 0;
            for (int a = 0; a < m; a++) {
                if (!which[a] || !(diag[a] > 0)) continue;
                double u = diag[a] * t[a] - grad[a];
                double next = pen[a] ? softThreshold(u, l1[a]) / diag[a] : u / diag[a];
                double change = next - t[a];
                if (change != 0) {
                    for (int b = 0; b < m; b++) grad[b] += h[b][a] * change;
                    grad[a] += (diag[a] - h[a][a]) * change;
                    t[a] = next;
                    maxChange = Math.max(maxChange, Math.abs(change) * Math.sqrt(diag[a]));
                }
            }
            return maxChange;
        }

        private static double softThreshold(double u, double l) {
            if (u > l) return u - l;
            if (u < -l) return u + l;
            return 0;
        }
    }

    /**
     * The smooth part of the objective on the standardised scale, over the columns z (with a column of ones
     * first when there is an intercept). Not thread-safe: holds the state of the point last prepared.
     */
    abstract static class Smooth {
        final double[][] z;
        final int n, d;
        final double[] eta;

        Smooth(double[][] z, int n) {
            this.z = z;
            this.n = n;
            this.d = z.length;
            this.eta = new double[n];
        }

        /** eta = Z theta, over the non-zero coordinates. */
        final void linearPredictor(double[] theta) {
            Arrays.fill(eta, 0);
            for (int j = 0; j < d; j++) {
                double t = theta[j];
                if (t == 0) continue;
                double[] col = z[j];
                for (int i = 0; i < n; i++) eta[i] += t * col[i];
            }
        }

        abstract double value(double[] theta);

        /** Computes what gradient and hessian need at theta. */
        abstract void prepare(double[] theta);

        /** The gradient at the prepared point, into g[j] for j in set (all coordinates if set is null). */
        abstract void gradient(int[] set, double[] g);

        /** The Hessian at the prepared point on set x set, into h[a][b]. */
        abstract void hessian(int[] set, double[][] h);

        /** The value of the intercept-only (or empty) model, for the deviance ratio. */
        abstract double nullValue();

        /** The value of the saturated model (0 except for cox with tied deaths). */
        double saturatedValue() { return 0; }

        /** sum a_i b_i over i < n, with four partial sums (about four times faster than one, not being bound by the add latency). */
        static double dot(double[] a, double[] b, int n) {
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int i = 0;
            for (; i + 3 < n; i += 4) {
                s0 += a[i] * b[i];
                s1 += a[i + 1] * b[i + 1];
                s2 += a[i + 2] * b[i + 2];
                s3 += a[i + 3] * b[i + 3];
            }
            for (; i < n; i++) s0 += a[i] * b[i];
            return (s0 + s1) + (s2 + s3);
        }

        /** -(1/n) Z' r over the set. */
        final void scoreOf(double[] r, int[] set, double[] g) {
            int count = set == null ? d : set.length;
            for (int k = 0; k < count; k++) {
                int j = set == null ? k : set[k];
                g[j] = -dot(z[j], r, n) / n;
            }
        }
    }

    /** 1/(2n) ||y - a - X b||^2, theta = (a, b). The Hessian Z'Z/n is constant: its rows are computed once, when first needed. */
    static final class Gaussian extends Smooth {
        final double[] y, r;
        final double[][] gram;

        Gaussian(double[][] z, double[] y) {
            super(z, y.length);
            this.y = y;
            this.r = new double[n];
            this.gram = new double[d][];
        }

        @Override
        double value(double[] theta) {
            linearPredictor(theta);
            double s = 0;
            for (int i = 0; i < n; i++) s += (y[i] - eta[i]) * (y[i] - eta[i]);
            return s / (2 * n);
        }

        @Override
        void prepare(double[] theta) {
            linearPredictor(theta);
            for (int i = 0; i < n; i++) r[i] = y[i] - eta[i];
        }

        @Override
        void gradient(int[] set, double[] g) { scoreOf(r, set, g); }

        @Override
        void hessian(int[] set, double[][] h) {
            for (int a = 0; a < set.length; a++) {
                double[] row = row(set[a]);
                for (int b = 0; b < set.length; b++) h[a][b] = row[set[b]];
            }
        }

        private double[] row(int j) {
            if (gram[j] == null) {
                double[] row = new double[d], cj = z[j];
                for (int k = 0; k < d; k++) {
                    row[k] = dot(cj, z[k], n) / n;
                }
                gram[j] = row;
            }
            return gram[j];
        }

        @Override
        double nullValue() {
            double m = 0, s = 0;
            for (double v : y) m += v / n;
            for (double v : y) s += (v - m) * (v - m);
            return s / (2 * n);
        }
    }

    /** -(1/n) sum [y eta - log(1 + e^eta)], theta = (a, b). */
    static final class Binomial extends Smooth {
        final double[] y, r, w, scratch;

        Binomial(double[][] z, double[] y) {
            super(z, y.length);
            this.y = y;
            requireBinary(y);
            this.r = new double[n];
            this.w = new double[n];
            this.scratch = new double[n];
        }

        static void requireBinary(double[] y) {
            int ones = 0;
            for (double v : y) {
                if (v == 1) ones++;
                else if (v != 0) throw new AnalysisException("a binomial response must be 0 or 1, found " + v);
            }
            if (ones == 0 || ones == y.length) throw new AnalysisException("the response has one class only");
        }

        double nullIntercept() {
            double m = 0;
            for (double v : y) m += v / n;
            return Math.log(m / (1 - m));
        }

        @Override
        double value(double[] theta) {
            linearPredictor(theta);
            double s = 0;
            for (int i = 0; i < n; i++) {
                double e = eta[i];
                s += y[i] * e - (e > 0 ? e + Math.log1p(Math.exp(-e)) : Math.log1p(Math.exp(e)));
            }
            return -s / n;
        }

        @Override
        void prepare(double[] theta) {
            linearPredictor(theta);
            for (int i = 0; i < n; i++) {
                double pr = 1 / (1 + Math.exp(-eta[i]));
                r[i] = y[i] - pr;
                w[i] = pr * (1 - pr);
            }
        }

        @Override
        void gradient(int[] set, double[] g) { scoreOf(r, set, g); }

        @Override
        void hessian(int[] set, double[][] h) {
            int m = set.length;
            for (int a = 0; a < m; a++) {
                double[] ca = z[set[a]];
                for (int i = 0; i < n; i++) scratch[i] = w[i] * ca[i];
                for (int b = 0; b <= a; b++) {
                    double s = dot(scratch, z[set[b]], n);
                    h[a][b] = s / n;
                    h[b][a] = s / n;
                }
            }
        }

        @Override
        double nullValue() {
            double[] t = new double[d];
            t[0] = nullIntercept();
            return value(t);
        }
    }

    /**
     * The time structure of a Breslow partial likelihood for one survival outcome: the cases in time order, latest
     * first, so that each risk set {time >= t} is a prefix and its sums are running sums read at the end of each
     * block of tied times; the deaths in each block. Used by the cox family's smooth part ({@link CoxBreslow}) and
     * by the cross-validated deviance ({@link GlmnetCv}). Immutable.
     */
    static final class RiskSets {
        final int n;
        final int[] order; // by time, descending
        final boolean[] eventSorted; // in that order
        final int[] blockEnd; // exclusive end of each block of equal times, in the sorted order
        final int[] deaths; // deaths in each block
        final int blocks, deathBlocks;

        RiskSets(SurvivalData data) {
            n = data.size();
            double[] time = data.time();
            Integer[] o = new Integer[n];
            for (int i = 0; i < n; i++) o[i] = i;
            Arrays.sort(o, (a, b) -> Double.compare(time[b], time[a]));
            order = Arrays.stream(o).mapToInt(Integer::intValue).toArray();
            eventSorted = new boolean[n];
            for (int k = 0; k < n; k++) eventSorted[k] = data.event()[order[k]];
            int[] ends = new int[n], dd = new int[n];
            int b = 0, withDeaths = 0;
            for (int k = 0; k < n; ) {
                double t = time[order[k]];
                int end = k, count = 0;
                while (end < n && time[order[end]] == t) { if (eventSorted[end]) count++; end++; }
                ends[b] = end;
                if (count > 0) withDeaths++;
                dd[b++] = count;
                k = end;
            }
            blocks = b;
            deathBlocks = withDeaths;
            blockEnd = Arrays.copyOf(ends, b);
            deaths = Arrays.copyOf(dd, b);
        }

        /**
         * The Breslow log partial likelihood at the linear predictor {@code eta} (over the cases in data order): the
         * sum over death times s of [the sum of eta over the d_s deaths - d_s log (the sum of e^eta over the risk set
         * {time >= s})]. Fills {@code risk} (e^(eta - max eta) per sorted case) and {@code s0} (its running sum at
         * each block end), which the cox family's gradient and Hessian read.
         */
        double logLikelihood(double[] eta, double[] risk, double[] s0) {
            double max = Double.NEGATIVE_INFINITY;
            for (double e : eta) max = Math.max(max, e);
            double loglik = 0;
            for (int k = 0; k < n; k++) {
                double e = eta[order[k]];
                risk[k] = Math.exp(e - max);
                if (eventSorted[k]) loglik += e;
            }
            double sum = 0;
            for (int b = 0, k = 0; b < blocks; b++) {
                for (int end = blockEnd[b]; k < end; k++) sum += risk[k];
                s0[b] = sum;
                if (deaths[b] > 0) loglik -= deaths[b] * (Math.log(sum) + max);
            }
            return loglik;
        }

        /** The saturated model's log partial likelihood: each death time's d deaths share the risk, -sum d log d. */
        double saturated() {
            double sat = 0;
            for (int dd : deaths) if (dd > 0) sat -= dd * Math.log(dd);
            return sat;
        }

        /**
         * glmnet's {@code coxnet.deviance} with unit weights: 2 (l_sat - l(eta)), l the Breslow log partial likelihood
         * and l_sat the saturated one.
         */
        double deviance(double[] eta) {
            return 2 * (saturated() - logLikelihood(eta, new double[n], new double[blocks]));
        }
    }

    /**
     * -(1/n) Breslow partial log-likelihood, theta = b. Cases are kept in time order, latest first, so that
     * each risk set {time >= t} is a prefix and its sums are running sums, read at the end of each block of tied
     * times. As in glmnet, the sums over risk sets are folded into weights per case: with c_b = d_b / S0(b) and
     * C_i the sum of c_b over the death times at which case i is at risk, the score is Z' (event - e^eta C) and
     * the Hessian (1/n) [Z' diag(e^eta C) Z - sum_b d_b m(b) m(b)'], m(b) = S1(b) / S0(b): O(n) per coordinate
     * and O(n + deaths) per Hessian entry, nothing quadratic in n.
     */
    static final class CoxBreslow extends Smooth {
        final RiskSets times;
        final int[] order; // by time, descending
        final double[][] zs; // columns in that order
        final int[] blockEnd; // exclusive end of each block of equal times, in the sorted order
        final int[] deaths; // deaths in each block
        final boolean[] eventSorted;
        final double[] risk, s0; // e^(eta - max) per sorted case; its running sum at each block end
        final double[] residual, weight; // per sorted case: event - e^eta C, and e^eta C
        final double[][] mean; // per column: sqrt(d_b) m_j(b) over the death blocks b
        final double[] scratch;
        final int blocks, deathBlocks;

        CoxBreslow(double[][] z, SurvivalData data) {
            super(z, data.size());
            if (data.events() == 0) throw new AnalysisException("no events: the Cox model is undefined");
            times = new RiskSets(data);
            order = times.order;
            eventSorted = times.eventSorted;
            blockEnd = times.blockEnd;
            deaths = times.deaths;
            blocks = times.blocks;
            deathBlocks = times.deathBlocks;
            zs = new double[d][n];
            for (int j = 0; j < d; j++) for (int k = 0; k < n; k++) zs[j][k] = z[j][order[k]];
            risk = new double[n];
            s0 = new double[blocks];
            residual = new double[n];
            weight = new double[n];
            mean = new double[d][];
            scratch = new double[n];
        }

        /** Fills risk and s0 at theta; returns the log-likelihood. */
        private double riskSets(double[] theta) {
            linearPredictor(theta);
            return times.logLikelihood(eta, risk, s0);
        }

        @Override
        double value(double[] theta) { return -riskSets(theta) / n; }

        @Override
        void prepare(double[] theta) {
            riskSets(theta);
            double c = 0;
            for (int b = blocks - 1; b >= 0; b--) {
                if (deaths[b] > 0) c += deaths[b] / s0[b];
                for (int k = b == 0 ? 0 : blockEnd[b - 1]; k < blockEnd[b]; k++) {
                    weight[k] = risk[k] * c;
                    residual[k] = (eventSorted[k] ? 1 : 0) - weight[k];
                }
            }
        }

        @Override
        void gradient(int[] set, double[] g) {
            int count = set == null ? d : set.length;
            for (int q = 0; q < count; q++) {
                int j = set == null ? q : set[q];
                g[j] = -dot(zs[j], residual, n) / n;
            }
        }

        @Override
        void hessian(int[] set, double[][] h) {
            int m = set.length;
            double[][] means = new double[m][];
            for (int a = 0; a < m; a++) {
                int j = set[a];
                double[] col = zs[j];
                double[] mj = mean[j] == null ? (mean[j] = new double[deathBlocks]) : mean[j];
                double s1 = 0;
                for (int b = 0, k = 0, q = 0; b < blocks; b++) {
                    for (int end = blockEnd[b]; k < end; k++) s1 += risk[k] * col[k];
                    if (deaths[b] > 0) mj[q++] = Math.sqrt(deaths[b]) * s1 / s0[b];
                }
                means[a] = mj;
            }
            for (int a = 0; a < m; a++) {
                double[] ca = zs[set[a]], ma = means[a];
                for (int k = 0; k < n; k++) scratch[k] = weight[k] * ca[k];
                for (int c = 0; c <= a; c++) {
                    h[a][c] = (dot(scratch, zs[set[c]], n) - dot(ma, means[c], deathBlocks)) / n;
                    h[c][a] = h[a][c];
                }
            }
        }

        @Override
        double nullValue() { return value(new double[d]); }

        /** The saturated Breslow model: each death time's d deaths share the risk, log-likelihood -sum d log d. */
        @Override
        double saturatedValue() { return -times.saturated() / n; }
    }
}
