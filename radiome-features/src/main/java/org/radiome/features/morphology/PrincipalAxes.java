package org.radiome.features.morphology;

/**
 * Principal component analysis of the ROI's voxel-centre point set X_c (IBSI 4KW8), for the PCA-based
 * morphological features (TDIC, P9VJ, 7J51, Q3CK, N17B, 6BDE, RDD2).
 *
 * <p>The eigenvalues are those of the sample covariance matrix of the voxel centres in world coordinates
 * (mm), normalised by N−1 as in the usual definition of PCA; the IBSI reference values for the digital phantom
 * match this normalisation (normalising by N gives a minor axis length outside the tolerance). The
 * eigenvalues of the 3×3 symmetric matrix are found by cyclic Jacobi rotations, which stay accurate for nearly
 * equal eigenvalues, where the closed-form trigonometric solution loses digits.
 *
 * <p>Stateless; thread-safe.
 */
final class PrincipalAxes {
    private PrincipalAxes() {}

    /**
     * Eigenvalues λ_major ≥ λ_minor ≥ λ_least (mm²) of the covariance of the centres of the voxels in
     * {@code mask}. A single voxel has no spread: all three are 0. Tiny negative round-off is clamped to 0.
     */
    static double[] eigenvalues(boolean[] mask, int nx, int ny, int nz, double sx, double sy, double sz) {
        // first pass: mean position; second pass: centred second moments (two-pass for accuracy)
        long n = 0;
        double mx = 0, my = 0, mz = 0;
        for (int z = 0, i = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++, i++) {
                    if (!mask[i]) continue;
                    n++;
                    mx += x;
                    my += y;
                    mz += z;
                }
            }
        }
        if (n == 0) throw new IllegalArgumentException("the morphological mask is empty");
        if (n == 1) return new double[3];
        mx /= n;
        my /= n;
        mz /= n;
        double cxx = 0, cyy = 0, czz = 0, cxy = 0, cxz = 0, cyz = 0;
        for (int z = 0, i = 0; z < nz; z++) {
            double dz = (z - mz) * sz;
            for (int y = 0; y < ny; y++) {
                double dy = (y - my) * sy;
                for (int x = 0; x < nx; x++, i++) {
                    if (!mask[i]) continue;
                    double dx = (x - mx) * sx;
                    cxx += dx * dx;
                    cyy += dy * dy;
                    czz += dz * dz;
                    cxy += dx * dy;
                    cxz += dx * dz;
                    cyz += dy * dz;
                }
            }
        }
        double d = n - 1;
        return symmetricEigenvalues(cxx / d, cyy / d, czz / d, cxy / d, cxz / d, cyz / d);
    }

    /**
     * Eigenvalues, in decreasing order, of the symmetric matrix [[a, d, e], [d, b, f], [e, f, c]], by cyclic
     * Jacobi rotations until the off-diagonal part is negligible against the diagonal.
     */
    static double[] symmetricEigenvalues(double a, double b, double c, double d, double e, double f) {
        double[][] m = {{a, d, e}, {d, b, f}, {e, f, c}};
        for (int sweep = 0; sweep < 50; sweep++) {
            double off = m[0][1] * m[0][1] + m[0][2] * m[0][2] + m[1][2] * m[1][2];
            double diag = m[0][0] * m[0][0] + m[1][1] * m[1][1] + m[2][2] * m[2][2];
            if (off <= 1e-32 * diag || off == 0) break;
            for (int p = 0; p < 2; p++) {
                for (int q = p + 1; q < 3; q++) {
                    if (m[p][q] == 0) continue;
                    // rotation angle that zeroes m[p][q] (Golub & Van Loan, Algorithm 8.4.1)
                    double theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    double cos = 1 / Math.sqrt(t * t + 1), sin = t * cos;
                    for (int k = 0; k < 3; k++) { // columns p, q
                        double mkp = m[k][p], mkq = m[k][q];
                        m[k][p] = cos * mkp - sin * mkq;
                        m[k][q] = sin * mkp + cos * mkq;
                    }
                    for (int k = 0; k < 3; k++) { // rows p, q
                        double mpk = m[p][k], mqk = m[q][k];
                        m[p][k] = cos * mpk - sin * mqk;
                        m[q][k] = sin * mpk + cos * mqk;
                    }
                    m[p][q] = 0;
                    m[q][p] = 0;
                }
            }
        }
        double[] ev = {Math.max(0, m[0][0]), Math.max(0, m[1][1]), Math.max(0, m[2][2])};
        java.util.Arrays.sort(ev);
        return new double[] {ev[2], ev[1], ev[0]};
    }
}
