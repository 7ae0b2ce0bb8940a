package org.radiome.features.morphology;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The three pair sums of Moran's I and Geary's C, {Σw, Σw·d1·d2, Σw·(d1−d2)²} over the unordered voxel pairs of
 * a mask with inverse-distance weights, through three-dimensional discrete Fourier transforms in
 * O(P log P) for the zero-padded box of P voxels, instead of O(N²) pairs. Exact up to floating-point rounding.
 *
 * <p><b>Identities.</b> With the deviation image {@code d} ({@code x − μ} inside the mask, 0 outside), the mask
 * indicator {@code m} and {@code q = d²}, grouping the ordered pairs by their voxel offset {@code o} turns each
 * sum into an offset-weighted correlation {@code A_fg(o) = Σ_p f(p)·g(p+o)}, because the weight depends on the
 * offset only:
 * <pre>
 *   Σ_{pairs} w           = ½ Σ_{o≠0} w(o)·A_mm(o)
 *   Σ_{pairs} w·d1·d2     = ½ Σ_{o≠0} w(o)·A_dd(o)
 *   Σ_{pairs} w·(d1−d2)²  =   Σ_{o≠0} w(o)·(A_mq(o) − A_dd(o))
 * </pre>
 * (the last from {@code (d1−d2)² = d1² + d2² − 2·d1·d2}, the two squares giving the same sum over ordered
 * pairs, {@code Σ_{o≠0} w(o)·A_mq(o)}). Every pair is counted once, with its own weight: nothing is truncated.
 *
 * <p><b>Transforms.</b> Along each axis the box of {@code n_a} voxels is zero-padded to {@code P_a ≥ 2n_a − 1}
 * (the smallest {@code 2^a·3^b·5^c}, {@link ComplexFft#smoothSize}). Then every offset {@code |o_a| < n_a}
 * has its own residue modulo {@code P_a}, so the circular correlations of the discrete Fourier transform equal
 * the linear ones and no pair wraps around. With {@code w} placed on the padded grid at the circular offsets
 * {@code min(j_a, P_a − j_a)} (and {@code w(0) = 0}), Parseval's theorem gives
 * {@code Σ_o w(o)·A_fg(o) = (1/P)·Σ_k Ŵ(k)·Re(conj(F(k))·G(k))}. The weights are even in each axis, so
 * {@code Ŵ} is real and even in each axis: it is computed on one octant, transforming two real half-lines per
 * complex transform. {@code m + i·d} is transformed as one complex image and separated through
 * {@code F(−k) = conj(F(k))} of real signals; {@code q} is transformed two rows per complex transform, keeping
 * the half-spectrum {@code k_x ≤ P_x/2}, over which the (even) summands are summed with multiplicity 2.
 *
 * <p><b>Rounding.</b> A transform's rounding error is O(ε·log P) relative to its input's norm, so {@code d} is
 * scaled by a power of two (exact) to about unit root mean square, the norm of {@code m}, before it shares a
 * transform with {@code m}. In our tests the sums agree with the direct pair loop to a relative 1e−11 or better
 * (about 1e−14 on the 145,000-voxel ellipsoid of radiome-bench's MoranBenchmark).
 *
 * <p>Work is cut into a fixed partition (batches of lines, planes of the spectral sum) that may run on the
 * common fork-join pool; partial sums are combined in a fixed order, so the result does not depend on the
 * number of threads. Stateless; thread-safe.
 */
final class FourierPairSums {
    private FourierPairSums() {}

    /** Lines transformed together as one batch ({@link ComplexFft#forward(double[], double[], double[], double[], int)}). */
    private static final int BATCH = 16;

    /** Upper bound on the pieces one pass is cut into (each piece allocates its own line buffers). */
    private static final int PIECES = 64;

    /** Largest padded volume P, so that every array index fits in an {@code int}. */
    static final long MAX_PADDED_VOLUME = 1L << 30;

    /** The padded box volume {@code P} of an {@code nx×ny×nz} box. */
    static long paddedVolume(int nx, int ny, int nz) {
        return (long) ComplexFft.smoothSize(2 * nx - 1) * ComplexFft.smoothSize(2 * ny - 1)
                * ComplexFft.smoothSize(2 * nz - 1);
    }

    /**
     * {Σw, Σw·d1·d2, Σw·(d1−d2)²} over the unordered pairs of {@code mask} ({@code nx×ny×nz}, x fastest),
     * {@code d = intensity − mean}, {@code w = 1/distance} in mm. {@code parallel} lets the passes run on the
     * common fork-join pool; the result is bit-identical either way.
     *
     * @throws IllegalArgumentException if the padded volume exceeds {@link #MAX_PADDED_VOLUME}
     */
    static double[] pairSums(float[] intensities, boolean[] mask, double mean, int nx, int ny, int nz,
                             double sx, double sy, double sz, boolean parallel) {
        int px = ComplexFft.smoothSize(2 * nx - 1), py = ComplexFft.smoothSize(2 * ny - 1),
                pz = ComplexFft.smoothSize(2 * nz - 1);
        if ((long) px * py * pz > MAX_PADDED_VOLUME) {
            throw new IllegalArgumentException("ROI box " + nx + "×" + ny + "×" + nz + " pads to " + px + "×" + py + "×"
                    + pz + " voxels, more than the Fourier way's limit of " + MAX_PADDED_VOLUME);
        }
        ComplexFft fx = new ComplexFft(px), fy = new ComplexFft(py), fz = new ComplexFft(pz);
        int exponent = deviationExponent(intensities, mask, mean);
        double scale = Math.scalb(1.0, exponent);
        double[][] signal = maskAndDeviationSpectrum(intensities, mask, mean, scale, nx, ny, nz, fx, fy, fz, parallel);
        double[][] squares = squareSpectrum(intensities, mask, mean, scale, nx, ny, nz, fx, fy, fz, parallel);
        double[] weights = weightSpectrum(fx, fy, fz, sx, sy, sz, parallel);

        double[] planes = new double[3 * pz];
        forPieces(pz, pz, parallel, (from, to) -> {
            for (int kz = from; kz < to; kz++) {
                spectralSums(signal[0], signal[1], squares[0], squares[1], weights, px, py, pz, kz, planes);
            }
        });
        double weighted = 0, cross = 0, mixed = 0;
        for (int kz = 0; kz < pz; kz++) {
            weighted += planes[3 * kz];
            cross += planes[3 * kz + 1];
            mixed += planes[3 * kz + 2];
        }
        // the planes give 4·Σ_k Ŵ|M|², 4·Σ_k Ŵ|D|², 2·Σ_k Ŵ·Re(conj(M)·Q) over all k, and Σ_o = Σ_k / P;
        // D and Q carry the scale 2^exponent once and twice
        double volume = (double) px * py * pz;
        double sumWeights = weighted / 4 / volume / 2;
        double sumCross = Math.scalb(cross / 4, -2 * exponent) / volume / 2;
        double sumDifferences = Math.scalb(mixed / 2 - cross / 4, -2 * exponent) / volume;
        return new double[] {sumWeights, sumCross, sumDifferences};
    }

    /** The power of two that brings the deviations {@code x − mean} of the mask to about unit root mean square. */
    private static int deviationExponent(float[] intensities, boolean[] mask, double mean) {
        int n = 0;
        double squares = 0;
        for (int i = 0; i < mask.length; i++) {
            if (!mask[i]) continue;
            double d = intensities[i] - mean;
            n++;
            squares += d * d;
        }
        return -Math.getExponent(Math.sqrt(squares / n));
    }

    /** {re, im} of the transform of {@code m + i·scale·d} on the padded box ({@code P_x×P_y×P_z}, x fastest). */
    private static double[][] maskAndDeviationSpectrum(float[] intensities, boolean[] mask, double mean, double scale,
                                                       int nx, int ny, int nz, ComplexFft fx, ComplexFft fy,
                                                       ComplexFft fz, boolean parallel) {
        int px = fx.length(), py = fy.length(), pz = fz.length();
        double[] re = new double[px * py * pz], im = new double[re.length];
        for (int z = 0, i = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                int row = px * (y + py * z);
                for (int x = 0; x < nx; x++, i++) {
                    if (!mask[i]) continue;
                    re[row + x] = 1;
                    im[row + x] = scale * (intensities[i] - mean);
                }
            }
        }
        rowPass(re, im, fx, ny, py, ny * nz, parallel);
        columnPass(re, im, fy, nz, px * py, px, px, parallel);
        columnPass(re, im, fz, py, px, px * py, px, parallel);
        return new double[][] {re, im};
    }

    /**
     * {re, im} of the transform of {@code q = (scale·d)²} on the half-spectrum {@code k_x ≤ P_x/2}
     * ({@code (P_x/2+1)×P_y×P_z}, x fastest); the rest follows from {@code Q(−k) = conj(Q(k))}.
     */
    private static double[][] squareSpectrum(float[] intensities, boolean[] mask, double mean, double scale,
                                             int nx, int ny, int nz, ComplexFft fx, ComplexFft fy, ComplexFft fz,
                                             boolean parallel) {
        int hx = fx.length() / 2 + 1, py = fy.length(), pz = fz.length();
        double[] re = new double[hx * py * pz], im = new double[re.length];
        realRowPass(intensities, mask, mean, scale, nx, ny, nz, fx, re, im, hx, py, parallel);
        columnPass(re, im, fy, nz, hx * py, hx, hx, parallel);
        columnPass(re, im, fz, py, hx, hx * py, hx, parallel);
        return new double[][] {re, im};
    }

    /**
     * Transforms the first {@code rows} rows along x: row r starts at {@code px·((r mod ly) + py·(r div ly))}
     * (rows y &lt; ly of each plane); the other rows are zero and stay zero. Batches of rows are gathered
     * transposed, so the batch is the inner index.
     */
    private static void rowPass(double[] re, double[] im, ComplexFft fx, int ly, int py, int rows, boolean parallel) {
        int px = fx.length();
        int batches = (rows + BATCH - 1) / BATCH;
        forPieces(batches, Math.min(batches, PIECES), parallel, (from, to) -> {
            double[] br = new double[px * BATCH], bi = new double[br.length], sr = new double[br.length],
                    si = new double[br.length];
            for (int batch = from; batch < to; batch++) {
                int r0 = batch * BATCH, width = Math.min(BATCH, rows - r0);
                for (int b = 0; b < width; b++) {
                    int r = r0 + b, start = px * ((r % ly) + py * (r / ly));
                    for (int x = 0; x < px; x++) {
                        br[x * width + b] = re[start + x];
                        bi[x * width + b] = im[start + x];
                    }
                }
                fx.forward(br, bi, sr, si, width);
                for (int b = 0; b < width; b++) {
                    int r = r0 + b, start = px * ((r % ly) + py * (r / ly));
                    for (int x = 0; x < px; x++) {
                        re[start + x] = br[x * width + b];
                        im[start + x] = bi[x * width + b];
                    }
                }
            }
        });
    }

    /**
     * The half-spectra along x ({@code k_x < hx}) of the rows of {@code q = (scale·(x − mean))²} (0 outside the
     * mask), written to rows of length {@code hx} of {@code (tRe, tIm)}. Two real rows a, b share one complex
     * transform Z of {@code a + i·b}: {@code A(k) = (Z(k) + conj(Z(−k)))/2}, {@code B(k) = −i·(Z(k) − conj(Z(−k)))/2}.
     */
    private static void realRowPass(float[] intensities, boolean[] mask, double mean, double scale, int nx, int ny,
                                    int nz, ComplexFft fx, double[] tRe, double[] tIm, int hx, int py, boolean parallel) {
        int px = fx.length();
        int rows = ny * nz, pairs = (rows + 1) / 2, batches = (pairs + BATCH - 1) / BATCH;
        forPieces(batches, Math.min(batches, PIECES), parallel, (from, to) -> {
            double[] br = new double[px * BATCH], bi = new double[br.length], sr = new double[br.length],
                    si = new double[br.length];
            for (int batch = from; batch < to; batch++) {
                int p0 = batch * BATCH, width = Math.min(BATCH, pairs - p0);
                Arrays.fill(br, 0);
                Arrays.fill(bi, 0);
                for (int b = 0; b < width; b++) {
                    int r = 2 * (p0 + b);
                    squaresOfRow(intensities, mask, mean, scale, nx * r, nx, br, b, width);
                    if (r + 1 < rows) squaresOfRow(intensities, mask, mean, scale, nx * (r + 1), nx, bi, b, width);
                }
                fx.forward(br, bi, sr, si, width);
                for (int b = 0; b < width; b++) {
                    int r = 2 * (p0 + b);
                    int a = hx * ((r % ny) + py * (r / ny)), c = hx * (((r + 1) % ny) + py * ((r + 1) / ny));
                    boolean second = r + 1 < rows;
                    for (int k = 0; k < hx; k++) {
                        int mirror = (k == 0 ? 0 : px - k) * width + b;
                        double zr = br[k * width + b], zi = bi[k * width + b], mr = br[mirror], mi = bi[mirror];
                        tRe[a + k] = (zr + mr) / 2;
                        tIm[a + k] = (zi - mi) / 2;
                        if (second) {
                            tRe[c + k] = (zi + mi) / 2;
                            tIm[c + k] = (mr - zr) / 2;
                        }
                    }
                }
            }
        });
    }

    private static void squaresOfRow(float[] intensities, boolean[] mask, double mean, double scale, int start, int nx,
                                     double[] out, int b, int width) {
        for (int x = 0; x < nx; x++) {
            if (!mask[start + x]) continue;
            double d = scale * (intensities[start + x] - mean);
            out[x * width + b] = d * d;
        }
    }

    /**
     * Transforms, for each of {@code slabs} slabs starting at {@code s·slabStep}, the {@code width} contiguous
     * columns whose elements lie {@code stride} apart (a y pass: slabs are planes; a z pass: slabs are rows of
     * the planes). Batches of adjacent columns are copied row by row into a buffer and transformed together.
     */
    private static void columnPass(double[] re, double[] im, ComplexFft fft, int slabs, int slabStep, int stride,
                                   int width, boolean parallel) {
        int length = fft.length();
        int blocks = (width + BATCH - 1) / BATCH, items = slabs * blocks;
        forPieces(items, Math.min(items, PIECES), parallel, (from, to) -> {
            double[] br = new double[length * BATCH], bi = new double[br.length], sr = new double[br.length],
                    si = new double[br.length];
            for (int item = from; item < to; item++) {
                int x0 = (item % blocks) * BATCH, w = Math.min(BATCH, width - x0);
                int base = (item / blocks) * slabStep + x0;
                for (int e = 0; e < length; e++) {
                    System.arraycopy(re, base + e * stride, br, e * w, w);
                    System.arraycopy(im, base + e * stride, bi, e * w, w);
                }
                fft.forward(br, bi, sr, si, w);
                for (int e = 0; e < length; e++) {
                    System.arraycopy(br, e * w, re, base + e * stride, w);
                    System.arraycopy(bi, e * w, im, base + e * stride, w);
                }
            }
        });
    }

    /**
     * Ŵ on the octant {@code 0 ≤ k_a ≤ P_a/2} ({@code (P_x/2+1)×(P_y/2+1)×(P_z/2+1)}, x fastest), from the
     * weights {@code w = 1/‖(j_x·sx, j_y·sy, j_z·sz)‖} of the circular offsets on the same octant ({@code w(0) = 0}).
     * Each weight is the same expression, in the same order, as the direct way's, so both use identical weights.
     */
    private static double[] weightSpectrum(ComplexFft fx, ComplexFft fy, ComplexFft fz, double sx, double sy, double sz,
                                           boolean parallel) {
        int ox = fx.length() / 2 + 1, oy = fy.length() / 2 + 1, oz = fz.length() / 2 + 1;
        double[] w = new double[ox * oy * oz];
        forPieces(oz, oz, parallel, (from, to) -> {
            for (int z = from; z < to; z++) {
                double ez = z * sz;
                for (int y = 0; y < oy; y++) {
                    double ey = y * sy;
                    int row = ox * (y + oy * z);
                    for (int x = 0; x < ox; x++) {
                        double ex = x * sx;
                        w[row + x] = 1.0 / Math.sqrt(ex * ex + ey * ey + ez * ez);
                    }
                }
            }
        });
        w[0] = 0;
        evenPass(w, fx, oy * oz, 1, 0, ox, 1, parallel);
        evenPass(w, fy, ox * oz, ox, 1, ox * oy, ox, parallel);
        evenPass(w, fz, ox * oy, ox * oy, 1, 0, ox * oy, parallel);
        return w;
    }

    /**
     * Transforms half-lines of a real sequence that is even on the circle of length n = {@code fft.length()}
     * (stored: entries 0..n/2), in place, into their real, even transforms (entries 0..n/2). Half-line L starts
     * at {@code (L mod a)·ca + (L div a)·cb}, its entries {@code stride} apart. Two half-lines share one complex
     * transform, as real and imaginary part: the transform of a real even sequence is real, so the parts separate.
     */
    private static void evenPass(double[] w, ComplexFft fft, int lines, int a, int ca, int cb, int stride,
                                 boolean parallel) {
        int n = fft.length(), half = n / 2 + 1;
        int pairs = (lines + 1) / 2, batches = (pairs + BATCH - 1) / BATCH;
        forPieces(batches, Math.min(batches, PIECES), parallel, (from, to) -> {
            double[] br = new double[n * BATCH], bi = new double[br.length], sr = new double[br.length],
                    si = new double[br.length];
            for (int batch = from; batch < to; batch++) {
                int p0 = batch * BATCH, width = Math.min(BATCH, pairs - p0);
                for (int b = 0; b < width; b++) {
                    int l1 = 2 * (p0 + b), l2 = l1 + 1;
                    int s1 = (l1 % a) * ca + (l1 / a) * cb, s2 = (l2 % a) * ca + (l2 / a) * cb;
                    boolean second = l2 < lines;
                    for (int j = 0; j < n; j++) {
                        int folded = Math.min(j, n - j) * stride;
                        br[j * width + b] = w[s1 + folded];
                        bi[j * width + b] = second ? w[s2 + folded] : 0;
                    }
                }
                fft.forward(br, bi, sr, si, width);
                for (int b = 0; b < width; b++) {
                    int l1 = 2 * (p0 + b), l2 = l1 + 1;
                    int s1 = (l1 % a) * ca + (l1 / a) * cb, s2 = (l2 % a) * ca + (l2 / a) * cb;
                    boolean second = l2 < lines;
                    for (int k = 0; k < half; k++) {
                        w[s1 + k * stride] = br[k * width + b];
                        if (second) w[s2 + k * stride] = bi[k * width + b];
                    }
                }
            }
        });
    }

    /**
     * For the plane {@code kz}, sums over the half-spectrum {@code k_x ≤ P_x/2} (multiplicity 2 where −k is not
     * in it, 1 on {@code k_x = 0} and {@code k_x = P_x/2}) of 4·Ŵ|M|², 4·Ŵ|D|² and 2·Ŵ·Re(conj(M)·Q), into
     * {@code out[3kz..3kz+2]}. M and D come from S = M + i·D at k and −k: {@code 2M = S(k) + conj(S(−k))},
     * {@code 2D = −i·(S(k) − conj(S(−k)))}.
     */
    private static void spectralSums(double[] sRe, double[] sIm, double[] tRe, double[] tIm, double[] weights,
                                     int px, int py, int pz, int kz, double[] out) {
        int hx = px / 2 + 1, oy = py / 2 + 1;
        int nkz = kz == 0 ? 0 : pz - kz, fz = Math.min(kz, nkz);
        double weighted = 0, cross = 0, mixed = 0;
        for (int ky = 0; ky < py; ky++) {
            int nky = ky == 0 ? 0 : py - ky, fy = Math.min(ky, nky);
            int row = px * (ky + py * kz), mirrorRow = px * (nky + py * nkz);
            int tRow = hx * (ky + py * kz), wRow = hx * (fy + oy * fz);
            for (int kx = 0; kx < hx; kx++) {
                int i = row + kx, j = mirrorRow + (kx == 0 ? 0 : px - kx);
                double ar = sRe[i], ai = sIm[i], cr = sRe[j], ci = sIm[j];
                double mr = ar + cr, mi = ai - ci; // 2M
                double dr = ai + ci, di = cr - ar; // 2D
                double qr = tRe[tRow + kx], qi = tIm[tRow + kx];
                double w = (kx == 0 || 2 * kx == px) ? weights[wRow + kx] : 2 * weights[wRow + kx];
                weighted += w * (mr * mr + mi * mi);
                cross += w * (dr * dr + di * di);
                mixed += w * (mr * qr + mi * qi);
            }
        }
        out[3 * kz] = weighted;
        out[3 * kz + 1] = cross;
        out[3 * kz + 2] = mixed;
    }

    /** Work on the index range [from, to). */
    @FunctionalInterface
    private interface Range {
        void run(int from, int to);
    }

    /**
     * Runs {@code body} over [0, count) cut into {@code pieces} fixed consecutive ranges, concurrently on the
     * common fork-join pool if {@code parallel}. The partition does not depend on the number of threads.
     */
    private static void forPieces(int count, int pieces, boolean parallel, Range body) {
        if (!parallel || pieces <= 1) {
            body.run(0, count);
            return;
        }
        IntStream.range(0, pieces).parallel().forEach(p -> body.run(
                (int) ((long) count * p / pieces), (int) ((long) count * (p + 1) / pieces)));
    }
}
