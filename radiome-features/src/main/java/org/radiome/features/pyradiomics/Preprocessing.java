package org.radiome.features.pyradiomics;

import java.util.List;

import org.radiome.image.Grid;

/**
 * PyRadiomics's image preprocessing ({@code radiomics/imageoperations.py}): normalisation, the ROI checks,
 * resegmentation and cropping. Stateless and thread-safe.
 */
final class Preprocessing {
    private Preprocessing() {}

    /**
     * {@code normalizeImage}: SimpleITK's {@code Normalize} over the <em>whole</em> image, {@code (x − μ)/σ} with σ the
     * sample standard deviation (N − 1, as ITK's StatisticsImageFilter), then outliers clipped to ±{@code removeOutliers}
     * (if set), then multiplied by {@code scale}. Not an IBSI step.
     */
    static Scan normalize(Scan scan, double scale, Double removeOutliers) {
        double[] x = scan.values;
        double sum = 0, sumSquares = 0;
        for (double v : x) {
            sum += v;
            sumSquares += v * v;
        }
        double n = x.length;
        double mean = sum / n;
        double sigma = Math.sqrt((sumSquares - sum * sum / n) / (n - 1));
        double inverse = 1.0 / sigma;
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double v = (x[i] - mean) * inverse;
            if (removeOutliers != null) v = Math.max(-removeOutliers, Math.min(removeOutliers, v));
            out[i] = v * scale;
        }
        return new Scan(scan.grid, out, scan.mask, org.radiome.image.io.PixelType.FLOAT64);
    }

    /**
     * {@code checkMask}: the ROI's bounding box {xmin, xmax, ymin, ymax, zmin, zmax}, after checking that it extends
     * over more than one voxel in at least {@code minimumROIDimensions} axes (never a single voxel) and, if
     * {@code minimumROISize} is set, has more than that many voxels.
     */
    static int[] checkMask(boolean[] mask, Grid g, PyRadiomicsSettings s) {
        int nx = g.nx(), ny = g.ny(), nz = g.nz();
        int[] box = {nx, -1, ny, -1, nz, -1};
        int count = 0;
        for (int z = 0, i = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++, i++) {
                    if (!mask[i]) continue;
                    count++;
                    box[0] = Math.min(box[0], x);
                    box[1] = Math.max(box[1], x);
                    box[2] = Math.min(box[2], y);
                    box[3] = Math.max(box[3], y);
                    box[4] = Math.min(box[4], z);
                    box[5] = Math.max(box[5], z);
                }
            }
        }
        return checkBox(box, count, s);
    }

    /**
     * {@link #checkMask}'s checks for a ROI of {@code count} voxels with bounding box {@code box}
     * {xmin, xmax, ymin, ymax, zmin, zmax} (further elements ignored); returns the box's first six elements.
     */
    static int[] checkBox(int[] box, int count, PyRadiomicsSettings s) {
        if (count == 0) throw new IllegalArgumentException("the ROI is empty");
        int dimensions = 0;
        for (int a = 0; a < 3; a++) if (box[2 * a + 1] > box[2 * a]) dimensions++;
        if (dimensions == 0) throw new IllegalArgumentException("the ROI is a single voxel; no features can be extracted");
        if (dimensions < s.minimumRoiDimensions()) {
            throw new IllegalArgumentException("the ROI extends in " + dimensions + " dimension(s), minimumROIDimensions is " + s.minimumRoiDimensions());
        }
        if (s.minimumRoiSize() != null && count <= s.minimumRoiSize()) {
            throw new IllegalArgumentException("the ROI has " + count + " voxels, minimumROISize requires more than " + s.minimumRoiSize());
        }
        return box.length == 6 ? box : java.util.Arrays.copyOf(box, 6);
    }

    /**
     * {@code resegmentMask}: keeps the ROI voxels with {@code lower ≤ X} (one threshold) or {@code lower ≤ X ≤ upper}
     * (two, sorted). Mode absolute: the thresholds are intensities; relative: fractions of the ROI maximum; sigma:
     * {@code μ + t·σ} with the ROI mean and population standard deviation.
     *
     * @throws IllegalArgumentException if at most one voxel remains
     */
    static boolean[] resegment(double[] values, boolean[] mask, List<Double> range, PyRadiomicsSettings.ResegmentMode mode) {
        double[] t = range.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        switch (mode) {
            case ABSOLUTE -> { }
            case RELATIVE -> {
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < mask.length; i++) if (mask[i]) max = Math.max(max, values[i]);
                for (int k = 0; k < t.length; k++) t[k] *= max;
            }
            case SIGMA -> {
                double sum = 0;
                int n = 0;
                for (int i = 0; i < mask.length; i++) {
                    if (!mask[i]) continue;
                    sum += values[i];
                    n++;
                }
                double mean = sum / n, squares = 0;
                for (int i = 0; i < mask.length; i++) {
                    if (!mask[i]) continue;
                    double d = values[i] - mean;
                    squares += d * d;
                }
                double sd = Math.sqrt(squares / n);
                for (int k = 0; k < t.length; k++) t[k] = mean + sd * t[k];
            }
        }
        boolean[] out = new boolean[mask.length];
        int kept = 0;
        for (int i = 0; i < mask.length; i++) {
            if (!mask[i] || values[i] < t[0] || (t.length == 2 && values[i] > t[1])) continue;
            out[i] = true;
            kept++;
        }
        if (kept <= 1) {
            throw new IllegalArgumentException("resegmentation (range " + range + ", mode " + mode.pyName() + ") left " + kept + " voxel(s); cannot extract features");
        }
        return out;
    }

    /** The image and mask cropped to {@code box} (no padding), with the grid's spacing. */
    static Roi crop(double[] values, boolean[] mask, Grid g, int[] box) {
        return crop(g, box, (from, to, n, v, m) -> {
            System.arraycopy(values, from, v, to, n);
            System.arraycopy(mask, from, m, to, n);
        });
    }

    /** Copies one x-row of {@code n} voxels starting at grid index {@code from} into {@code v} and {@code m} at {@code to}. */
    @FunctionalInterface
    interface RowCopy {
        void copy(int from, int to, int n, double[] v, boolean[] m);
    }

    /**
     * A ROI of {@code box} (xmin, xmax, ymin, ymax, zmin, zmax, inclusive; no padding) with the grid's spacing, filled
     * row by row by {@code row}: the one walk over the box that every crop (double or float image, boolean mask or
     * label map) shares.
     */
    static Roi crop(Grid g, int[] box, RowCopy row) {
        int nx = box[1] - box[0] + 1, ny = box[3] - box[2] + 1, nz = box[5] - box[4] + 1;
        double[] v = new double[nx * ny * nz];
        boolean[] m = new boolean[v.length];
        for (int z = 0, j = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++, j += nx) row.copy(g.index(box[0], box[2] + y, box[4] + z), j, nx, v, m);
        }
        return new Roi(nx, ny, nz, g.spacing(0), g.spacing(1), g.spacing(2), v, m);
    }
}
