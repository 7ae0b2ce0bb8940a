package org.radiome.features.pyradiomics;

import java.util.List;

import org.radiome.image.Grid;
import org.radiome.image.LabelMap;
import org.radiome.image.io.PixelType;

/**
 * PyRadiomics's resampling ({@code imageoperations.resampleImage}) with SimpleITK's {@code ResampleImageFilter}
 * semantics, and its mask correction ({@code _correctMask}). Not an IBSI step: IBSI aligns the grid centres and
 * rounds interpolated intensities, PyRadiomics does neither.
 *
 * <p><b>The grid</b> (PyRadiomics): a spacing of 0 keeps the original; an axis along which the ROI is one voxel
 * thick is not resampled. With spacing ratio {@code r = old/new} and the ROI's bounding box (lower index {@code L},
 * size {@code S}) the new index range is {@code ⌊(L − ½)r − pad⌋ … ⌈(L + S − ½)r + pad⌉}, clipped to
 * {@code 0 … ⌈size·r⌉ − 1}; the new origin is the old grid's point at continuous index
 * {@code ½(new − old)/old + lower/r}, so that the new grid's corner coincides with the old one's. Directions are
 * kept. If the new spacing equals the old (NumPy's {@code allclose}), nothing is resampled.
 *
 * <p><b>The image</b> (ITK): each output voxel centre is mapped to a continuous input index (interpolated linearly
 * along each output row, as ITK's {@code ResampleImageFilter} does for linear transforms); outside
 * {@code [−½, size − ½)} the value is 0. Interpolators: nearest neighbour (index rounded half up), linear (neighbours
 * clamped to the image) and cubic B-spline (the B-spline coefficients of the whole image by Unser's recursive filter
 * with mirror boundaries and ITK's 10⁻¹⁰ horizon for the causal initialisation, evaluated with mirrored indices).
 * The result is cast back to the image's pixel type as ITK casts it: clamped to the type's range and, for integer
 * types, truncated towards zero (no rounding).
 *
 * <p><b>The mask</b>: nearest neighbour on the same grid.
 *
 * <p>Stateless and thread-safe.
 */
final class Resampling {
    private Resampling() {}

    /** ITK's default tolerance of the B-spline decomposition's causal initialisation. */
    static final double BSPLINE_TOLERANCE = 1e-10;

    static Scan resample(Scan scan, PyRadiomicsSettings s) {
        Grid g = scan.grid;
        double[] old = g.spacing();
        List<Double> requested = s.resampledPixelSpacing();
        int[] box = boundingBox(scan.mask, g);
        int[] lower = {box[0], box[2], box[4]};
        int[] size = {box[1] - box[0] + 1, box[3] - box[2] + 1, box[5] - box[4] + 1};
        double[] spacing = new double[3];
        for (int a = 0; a < 3; a++) {
            double r = requested.get(a);
            spacing[a] = r == 0 || size[a] == 1 ? old[a] : r;
        }
        if (allClose(old, spacing)) return scan;
        int[] n = {g.nx(), g.ny(), g.nz()};
        int[] newLower = new int[3], newSize = new int[3];
        double[] originIndex = new double[3];
        for (int a = 0; a < 3; a++) {
            double ratio = old[a] / spacing[a];
            double lo = Math.floor((lower[a] - 0.5) * ratio - s.padDistance());
            double hi = Math.ceil((lower[a] + size[a] - 0.5) * ratio + s.padDistance());
            double maxHi = Math.ceil(n[a] * ratio) - 1;
            lo = Math.max(lo, 0);
            hi = Math.min(hi, maxHi);
            newLower[a] = (int) lo;
            newSize[a] = (int) (hi - lo + 1);
            originIndex[a] = 0.5 * (spacing[a] - old[a]) / old[a] + lo / ratio;
        }
        double[] origin = g.toWorld(originIndex[0], originIndex[1], originIndex[2]);
        Grid out = new Grid(newSize[0], newSize[1], newSize[2], spacing, origin, g.direction());
        Sampler image = switch (s.interpolator()) {
            case NEAREST_NEIGHBOR -> new Nearest(scan.values, g);
            case LINEAR -> new Linear(scan.values, g);
            case BSPLINE -> new BSpline(scan.values, g);
        };
        double[] values = resampleValues(image, g, out, scan.storage);
        double[] maskValues = new double[scan.mask.length];
        for (int i = 0; i < maskValues.length; i++) maskValues[i] = scan.mask[i] ? 1 : 0;
        double[] m = resampleValues(new Nearest(maskValues, g), g, out, null);
        boolean[] mask = new boolean[m.length];
        for (int i = 0; i < m.length; i++) mask[i] = m[i] != 0;
        return new Scan(out, values, mask, scan.storage);
    }

    /** {@code _correctMask}: the label's voxels resampled onto {@code target} by nearest neighbour. */
    static boolean[] maskOntoGrid(LabelMap labels, int label, Grid target) {
        int[] l = labels.labels();
        double[] v = new double[l.length];
        for (int i = 0; i < l.length; i++) v[i] = l[i] == label ? 1 : 0;
        double[] m = resampleValues(new Nearest(v, labels.grid()), labels.grid(), target, null);
        boolean[] out = new boolean[m.length];
        for (int i = 0; i < m.length; i++) out[i] = m[i] != 0;
        return out;
    }

    /** ITK's {@code ResampleImageFilter} with an identity transform onto {@code out}, cast to {@code storage}. */
    static double[] resampleValues(Sampler sampler, Grid in, Grid out, PixelType storage) {
        double[][] toIndex = physicalToIndex(in);
        double[] inOrigin = in.origin();
        int nx = out.nx(), ny = out.ny(), nz = out.nz();
        double[] result = new double[out.voxelCount()];
        double[] start = new double[3], end = new double[3], c = new double[3];
        for (int z = 0, i = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                continuousIndex(toIndex, inOrigin, out.toWorld(0, y, z), start);
                continuousIndex(toIndex, inOrigin, out.toWorld(nx, y, z), end);
                for (int x = 0; x < nx; x++, i++) {
                    double alpha = x / (double) nx;
                    // start + (end − start)·α keeps an axis that is constant along the row exact, which decides
                    // nearest-neighbour ties (half-integer indices) the way the baselines' SimpleITK decided them
                    for (int a = 0; a < 3; a++) c[a] = start[a] + (end[a] - start[a]) * alpha;
                    result[i] = sampler.isInside(c) ? cast(sampler.evaluate(c), storage) : 0;
                }
            }
        }
        return result;
    }

    /** ITK's cast with bounds checking: clamp to the type's range, then C++'s conversion (truncation for integers). */
    static double cast(double v, PixelType storage) {
        if (storage == null || storage == PixelType.FLOAT64) return v;
        if (storage == PixelType.FLOAT32) return (float) v;
        double min, max;
        switch (storage) {
            case INT8 -> { min = Byte.MIN_VALUE; max = Byte.MAX_VALUE; }
            case UINT8 -> { min = 0; max = 255; }
            case INT16 -> { min = Short.MIN_VALUE; max = Short.MAX_VALUE; }
            case UINT16 -> { min = 0; max = 65535; }
            case INT32 -> { min = Integer.MIN_VALUE; max = Integer.MAX_VALUE; }
            case UINT32 -> { min = 0; max = 4294967295.0; }
            case INT64 -> { min = Long.MIN_VALUE; max = Long.MAX_VALUE; }
            default -> { min = 0; max = 18446744073709551615.0; }
        }
        if (v < min) return min;
        if (v > max) return max;
        return v < 0 ? Math.ceil(v) : Math.floor(v);
    }

    private static void continuousIndex(double[][] toIndex, double[] origin, double[] p, double[] out) {
        double dx = p[0] - origin[0], dy = p[1] - origin[1], dz = p[2] - origin[2];
        for (int r = 0; r < 3; r++) out[r] = toIndex[r][0] * dx + toIndex[r][1] * dy + toIndex[r][2] * dz;
    }

    /** The inverse of {@code direction · diag(spacing)}. */
    static double[][] physicalToIndex(Grid g) {
        double[] d = g.direction();
        double[][] m = new double[3][3];
        for (int r = 0; r < 3; r++) for (int c = 0; c < 3; c++) m[r][c] = d[3 * r + c] * g.spacing(c);
        double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
        double[][] inv = new double[3][3];
        inv[0][0] = (m[1][1] * m[2][2] - m[1][2] * m[2][1]) / det;
        inv[0][1] = (m[0][2] * m[2][1] - m[0][1] * m[2][2]) / det;
        inv[0][2] = (m[0][1] * m[1][2] - m[0][2] * m[1][1]) / det;
        inv[1][0] = (m[1][2] * m[2][0] - m[1][0] * m[2][2]) / det;
        inv[1][1] = (m[0][0] * m[2][2] - m[0][2] * m[2][0]) / det;
        inv[1][2] = (m[0][2] * m[1][0] - m[0][0] * m[1][2]) / det;
        inv[2][0] = (m[1][0] * m[2][1] - m[1][1] * m[2][0]) / det;
        inv[2][1] = (m[0][1] * m[2][0] - m[0][0] * m[2][1]) / det;
        inv[2][2] = (m[0][0] * m[1][1] - m[0][1] * m[1][0]) / det;
        return inv;
    }

    /** NumPy's {@code allclose}: {@code |a − b| ≤ 1e-8 + 1e-5·|b|} everywhere. */
    static boolean allClose(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) if (!(Math.abs(a[i] - b[i]) <= 1e-8 + 1e-5 * Math.abs(b[i]))) return false;
        return true;
    }

    private static int[] boundingBox(boolean[] mask, Grid g) {
        int[] box = {g.nx(), -1, g.ny(), -1, g.nz(), -1};
        for (int z = 0, i = 0; z < g.nz(); z++) {
            for (int y = 0; y < g.ny(); y++) {
                for (int x = 0; x < g.nx(); x++, i++) {
                    if (!mask[i]) continue;
                    box[0] = Math.min(box[0], x);
                    box[1] = Math.max(box[1], x);
                    box[2] = Math.min(box[2], y);
                    box[3] = Math.max(box[3], y);
                    box[4] = Math.min(box[4], z);
                    box[5] = Math.max(box[5], z);
                }
            }
        }
        if (box[1] < 0) throw new IllegalArgumentException("the ROI is empty");
        return box;
    }

    /** An ITK interpolate-image function over a whole image. */
    abstract static class Sampler {
        final double[] values;
        final int nx, ny, nz;

        Sampler(double[] values, Grid g) {
            this.values = values;
            this.nx = g.nx();
            this.ny = g.ny();
            this.nz = g.nz();
        }

        /** ITK's {@code IsInsideBuffer} for a continuous index: within half a voxel of the grid. */
        boolean isInside(double[] c) {
            return c[0] >= -0.5 && c[0] < nx - 0.5 && c[1] >= -0.5 && c[1] < ny - 0.5 && c[2] >= -0.5 && c[2] < nz - 0.5;
        }

        abstract double evaluate(double[] c);
    }

    /** Nearest neighbour: each index rounded half up, clamped into the image. */
    static final class Nearest extends Sampler {
        Nearest(double[] values, Grid g) { super(values, g); }

        @Override
        double evaluate(double[] c) {
            int x = clamp((long) Math.floor(c[0] + 0.5), nx), y = clamp((long) Math.floor(c[1] + 0.5), ny), z = clamp((long) Math.floor(c[2] + 0.5), nz);
            return values[x + nx * (y + ny * z)];
        }
    }

    /** Trilinear interpolation, neighbours beyond the image clamped to its edge. */
    static final class Linear extends Sampler {
        Linear(double[] values, Grid g) { super(values, g); }

        @Override
        double evaluate(double[] c) {
            long bx = (long) Math.floor(c[0]), by = (long) Math.floor(c[1]), bz = (long) Math.floor(c[2]);
            double fx = c[0] - bx, fy = c[1] - by, fz = c[2] - bz;
            double sum = 0;
            for (int k = 0; k < 8; k++) {
                int ox = k & 1, oy = (k >> 1) & 1, oz = (k >> 2) & 1;
                double w = (ox == 1 ? fx : 1 - fx) * (oy == 1 ? fy : 1 - fy) * (oz == 1 ? fz : 1 - fz);
                if (w == 0) continue;
                int x = clamp(bx + ox, nx), y = clamp(by + oy, ny), z = clamp(bz + oz, nz);
                sum += w * values[x + nx * (y + ny * z)];
            }
            return sum;
        }
    }

    /** ITK's cubic B-spline interpolation (see the class javadoc). */
    static final class BSpline extends Sampler {
        private final double[] coefficients;

        BSpline(double[] values, Grid g) {
            super(values, g);
            coefficients = values.clone();
            int[] n = {nx, ny, nz};
            int[] stride = {1, nx, nx * ny};
            double[] line = new double[Math.max(nx, Math.max(ny, nz))];
            for (int axis = 0; axis < 3; axis++) {
                int length = n[axis];
                if (length == 1) continue; // mirror boundaries need two samples: the data are the coefficients
                int a1 = (axis + 1) % 3, a2 = (axis + 2) % 3;
                for (int j = 0; j < n[a2]; j++) {
                    for (int i = 0; i < n[a1]; i++) {
                        int base = i * stride[a1] + j * stride[a2];
                        for (int k = 0; k < length; k++) line[k] = coefficients[base + k * stride[axis]];
                        toCoefficients(line, length);
                        for (int k = 0; k < length; k++) coefficients[base + k * stride[axis]] = line[k];
                    }
                }
            }
        }

        /** Unser's recursive filter for the cubic B-spline (pole √3 − 2), mirror boundaries, as ITK implements it. */
        static void toCoefficients(double[] c, int length) {
            final double z = Math.sqrt(3.0) - 2.0;
            final double gain = (1.0 - z) * (1.0 - 1.0 / z);
            for (int k = 0; k < length; k++) c[k] *= gain;
            // causal initialisation
            int horizon = (int) Math.ceil(Math.log(BSPLINE_TOLERANCE) / Math.log(Math.abs(z)));
            double zn = z;
            if (horizon < length) {
                double sum = c[0];
                for (int k = 1; k < horizon; k++) {
                    sum += zn * c[k];
                    zn *= z;
                }
                c[0] = sum;
            } else {
                double iz = 1.0 / z;
                double z2n = Math.pow(z, length - 1);
                double sum = c[0] + z2n * c[length - 1];
                z2n *= z2n * iz;
                for (int k = 1; k <= length - 2; k++) {
                    sum += (zn + z2n) * c[k];
                    zn *= z;
                    z2n *= iz;
                }
                c[0] = sum / (1.0 - zn * zn);
            }
            for (int k = 1; k < length; k++) c[k] += z * c[k - 1];
            // anticausal initialisation and recursion
            c[length - 1] = (z / (z * z - 1.0)) * (z * c[length - 2] + c[length - 1]);
            for (int k = length - 2; k >= 0; k--) c[k] = z * (c[k + 1] - c[k]);
        }

        @Override
        double evaluate(double[] x) {
            int[] n = {nx, ny, nz};
            int[][] index = new int[3][4];
            double[][] w = new double[3][4];
            for (int a = 0; a < 3; a++) {
                long first = (long) Math.floor((float) x[a]) - 1; // ITK takes the floor of the coordinate as a float
                for (int k = 0; k < 4; k++) index[a][k] = (int) (first + k);
                double t = x[a] - index[a][1];
                w[a][3] = (1.0 / 6.0) * t * t * t;
                w[a][0] = (1.0 / 6.0) + 0.5 * t * (t - 1.0) - w[a][3];
                w[a][2] = t + w[a][0] - 2.0 * w[a][3];
                w[a][1] = 1.0 - w[a][0] - w[a][2] - w[a][3];
                for (int k = 0; k < 4; k++) {
                    if (n[a] == 1) {
                        index[a][k] = 0;
                        continue;
                    }
                    int i = index[a][k];
                    if (i < 0) i = -i;
                    if (i >= n[a]) i = (n[a] - 1) - (i - (n[a] - 1));
                    index[a][k] = i;
                }
            }
            double sum = 0;
            for (int k2 = 0; k2 < 4; k2++) {
                for (int k1 = 0; k1 < 4; k1++) {
                    for (int k0 = 0; k0 < 4; k0++) {
                        double weight = w[0][k0] * w[1][k1] * w[2][k2];
                        sum += weight * coefficients[index[0][k0] + nx * (index[1][k1] + ny * index[2][k2])];
                    }
                }
            }
            return sum;
        }
    }

    private static int clamp(long i, int n) {
        return (int) Math.max(0, Math.min(n - 1, i));
    }
}
