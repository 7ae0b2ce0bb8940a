package org.radiome.features.pyradiomics;

/**
 * Selected eigenvalues of a real symmetric matrix, without eigenvectors, for the GLCM's maximal correlation
 * coefficient ({@link CooccurrenceFeatures#maximalCorrelationCoefficient}), which needs only the largest and smallest
 * few: Householder reduction to tridiagonal form (EISPACK tred1; Press et al., Numerical Recipes, 3rd ed., §11.3), then
 * bisection on Sturm sequence counts for just the wanted eigenvalues (LAPACK dstebz; Golub and Van Loan, Matrix
 * Computations, 4th ed., §8.4.1). Hand-written because the libraries at hand (Hipparchus) compute every eigenvalue
 * with the QL or QR algorithm, and eigenvectors too, several times the work.
 *
 * <p>Three eigenvalues are bisected in lockstep: their Sturm recurrences are independent chains of divisions, so one
 * pass over the tridiagonal matrix advances all three at the cost of about one (three passes in turn wait on each
 * division). Each is bisected until its bracket is two adjacent doubles or narrower than
 * {@code ulp(‖T‖)} ({@code ‖T‖} the Gershgorin bound), the accuracy of the QL algorithm it replaced (within 10⁻¹⁵
 * relative on the GLCMs of the test cases).
 *
 * <p>Each stage, and each loop nest within a stage, is a small method of its own: this runs for every GLCM of a case,
 * so the JIT first meets the loops mid-run and compiles them on stack replacement; as one long method, every loop got
 * its own compilation of the whole rest of the method (docs/performance.md). Stateless and thread-safe.
 */
final class SymmetricEigenvalues {
    private SymmetricEigenvalues() {}

    /**
     * The tridiagonal form of the symmetric {@code n × n} row-major matrix {@code a}, of which only the lower triangle
     * is read; {@code a} is overwritten. Its {@link Tridiagonal#ranked} eigenvalues are those of {@code a}.
     */
    static Tridiagonal reduce(double[] a, int n) {
        double[] d = new double[n], e = new double[n];
        tridiagonalise(a, n, d, e);
        return new Tridiagonal(d, e, n);
    }

    /**
     * Householder reduction of the symmetric {@code a} (its lower triangle; overwritten) to the tridiagonal matrix
     * with diagonal {@code d} and sub-diagonal {@code e[1…n−1]} ({@code e[i]} couples rows {@code i − 1} and
     * {@code i}), rows reduced from the last up.
     */
    static void tridiagonalise(double[] a, int n, double[] d, double[] e) {
        for (int i = n - 1; i > 0; i--) e[i] = householderStep(a, n, i, e);
        for (int i = 0; i < n; i++) d[i] = a[i * n + i];
    }

    /**
     * Annihilates row {@code i} left of its sub-diagonal and applies the reflection to the leading {@code i × i}
     * block; returns the new sub-diagonal element. Uses {@code e[0…i−1]} as scratch.
     */
    private static double householderStep(double[] a, int n, int i, double[] e) {
        final int rowI = i * n, l = i - 1;
        if (l == 0) return a[rowI + l];
        double scale = sumOfAbs(a, rowI, i);
        if (scale == 0.0) return a[rowI + l];
        double h = divideAndSumSquares(a, rowI, i, scale);
        double f = a[rowI + l];
        double g = f >= 0.0 ? -Math.sqrt(h) : Math.sqrt(h);
        h -= f * g;
        a[rowI + l] = f - g;
        lowerTimesRow(a, n, i, e);
        double hh = divideAndDot(e, a, rowI, i, h) / (h + h);
        reflect(a, n, i, e, hh);
        return scale * g;
    }

    private static double sumOfAbs(double[] a, int from, int length) {
        double sum = 0;
        for (int k = 0; k < length; k++) sum += Math.abs(a[from + k]);
        return sum;
    }

    /** Divides {@code a[from…from+length)} by {@code scale} in place; returns the sum of the squares of the quotients. */
    private static double divideAndSumSquares(double[] a, int from, int length, double scale) {
        double h = 0;
        for (int k = 0; k < length; k++) {
            a[from + k] /= scale;
            h += a[from + k] * a[from + k];
        }
        return h;
    }

    /**
     * {@code e = A u} with {@code u} = row {@code i}, A the leading {@code i × i} block held in its lower triangle:
     * each element a(j, k), k &lt; j, serves both a(j, k) u(k) and a(k, j) u(j), so A is read row by row (as JAMA's
     * tred2), not down its columns.
     */
    private static void lowerTimesRow(double[] a, int n, int i, double[] e) {
        final int rowI = i * n;
        java.util.Arrays.fill(e, 0, i, 0.0);
        for (int j = 0; j < i; j++) {
            int rowJ = j * n;
            double uj = a[rowI + j];
            double g = e[j] + a[rowJ + j] * uj;
            for (int k = 0; k < j; k++) {
                double ajk = a[rowJ + k];
                g += ajk * a[rowI + k];
                e[k] += ajk * uj;
            }
            e[j] = g;
        }
    }

    /** Divides {@code e[0…i)} by {@code h} in place; returns its dot product with row {@code i} of {@code a}. */
    private static double divideAndDot(double[] e, double[] a, int rowI, int i, double h) {
        double f = 0.0;
        for (int j = 0; j < i; j++) {
            e[j] /= h;
            f += e[j] * a[rowI + j];
        }
        return f;
    }

    /** The rank-two update {@code A −= u qᵀ + q uᵀ} of the leading block's lower triangle, {@code q = e − hh u}. */
    private static void reflect(double[] a, int n, int i, double[] e, double hh) {
        final int rowI = i * n;
        for (int j = 0; j < i; j++) {
            int rowJ = j * n;
            double f = a[rowI + j];
            double g = e[j] - hh * f;
            e[j] = g;
            for (int k = 0; k <= j; k++) a[rowJ + k] -= f * e[k] + g * a[rowI + k];
        }
    }

    /** A symmetric tridiagonal matrix: diagonal {@code d}, squared sub-diagonal, its Gershgorin interval. */
    static final class Tridiagonal {
        final double[] d, e2;
        final int n;
        final double lower, upper, tolerance;
        /** Scratch: the last {@link #countBelow} counts. */
        final int[] counts = new int[3];

        /** From {@link #tridiagonalise}'s {@code d} and {@code e}. */
        Tridiagonal(double[] d, double[] e, int n) {
            this.d = d;
            this.n = n;
            this.e2 = new double[n];
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double radius = (i > 0 ? Math.abs(e[i]) : 0) + (i + 1 < n ? Math.abs(e[i + 1]) : 0);
                lo = Math.min(lo, d[i] - radius);
                hi = Math.max(hi, d[i] + radius);
                if (i > 0) e2[i] = e[i] * e[i];
            }
            lower = lo;
            upper = hi;
            tolerance = Math.ulp(Math.max(Math.abs(lo), Math.abs(hi)));
        }

        /**
         * The eigenvalues with ascending ranks {@code k0}, {@code k1}, {@code k2} (0 the smallest, {@code n − 1} the
         * largest; ranks may repeat), bisected in lockstep.
         */
        double[] ranked(int k0, int k1, int k2) {
            if (k0 < 0 || k1 < 0 || k2 < 0 || k0 >= n || k1 >= n || k2 >= n) throw new IllegalArgumentException("rank outside 0…" + (n - 1));
            double lo0 = lower, hi0 = upper, lo1 = lower, hi1 = upper, lo2 = lower, hi2 = upper;
            while (true) {
                final double m0 = 0.5 * (lo0 + hi0), m1 = 0.5 * (lo1 + hi1), m2 = 0.5 * (lo2 + hi2);
                final boolean done0 = converged(lo0, m0, hi0), done1 = converged(lo1, m1, hi1), done2 = converged(lo2, m2, hi2);
                if (done0 && done1 && done2) return new double[] {m0, m1, m2};
                countBelow(m0, m1, m2);
                if (!done0) {
                    if (counts[0] > k0) hi0 = m0;
                    else lo0 = m0;
                }
                if (!done1) {
                    if (counts[1] > k1) hi1 = m1;
                    else lo1 = m1;
                }
                if (!done2) {
                    if (counts[2] > k2) hi2 = m2;
                    else lo2 = m2;
                }
            }
        }

        private boolean converged(double lo, double mid, double hi) {
            return mid <= lo || mid >= hi || hi - lo <= tolerance;
        }

        /**
         * Writes the numbers of eigenvalues at most {@code x0}, {@code x1}, {@code x2} to {@link #counts}: the
         * non-positive pivots of the LDLᵀ factorisations of {@code T − x I} (Sturm), a zero pivot taken as a tiny
         * negative one (as LAPACK's dlaebz).
         */
        private void countBelow(double x0, double x1, double x2) {
            final double[] d = this.d, e2 = this.e2;
            double q0 = d[0] - x0, q1 = d[0] - x1, q2 = d[0] - x2;
            int c0 = q0 <= 0 ? 1 : 0, c1 = q1 <= 0 ? 1 : 0, c2 = q2 <= 0 ? 1 : 0;
            for (int i = 1; i < n; i++) {
                final double di = d[i], ei = e2[i];
                q0 = di - x0 - ei / (q0 == 0 ? -Double.MIN_NORMAL : q0);
                q1 = di - x1 - ei / (q1 == 0 ? -Double.MIN_NORMAL : q1);
                q2 = di - x2 - ei / (q2 == 0 ? -Double.MIN_NORMAL : q2);
                c0 += q0 <= 0 ? 1 : 0;
                c1 += q1 <= 0 ? 1 : 0;
                c2 += q2 <= 0 ? 1 : 0;
            }
            counts[0] = c0;
            counts[1] = c1;
            counts[2] = c2;
        }
    }
}
