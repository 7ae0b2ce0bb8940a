package org.radiome.image.dicom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.radiome.image.Grid;
import org.radiome.image.io.ImageReadException;

/**
 * Stacks the planes of a series into a 3D {@link Grid} (PS3.3 C.7.6.2.1.1, Image Plane Module):
 * voxel axis x runs along the row direction (the first three cosines of Image Orientation (Patient)),
 * y along the column direction (the last three), z along their cross product, the slice normal. Planes
 * are sorted by their position along the normal; the origin is the Image Position (Patient) of the
 * first plane; x spacing is the second value of Pixel Spacing (between columns), y the first; z spacing
 * is the mean gap between planes, replaced by the nominal Spacing Between Slices (else Slice Thickness)
 * when the two agree to within 10<sup>−6</sup> of the gap: positions are decimal strings of limited
 * precision (e.g. 2.9999999999998 for 3 mm), and downstream steps that place a resampled grid, or
 * threshold an interpolated mask at exactly 0.5, must see the exact value the scanner meant.
 *
 * <p>Checks that every plane has the same size, orientation and pixel spacing, that planes are evenly
 * spaced along the normal (a gap of two or more spacings is reported as a missing slice) and stacked
 * straight (no gantry tilt). Errors name the planes concerned.
 */
final class SliceStack {
    /** Direction cosines and pixel spacings that differ by less than this are equal. */
    private static final double COSINE_TOLERANCE = 1e-4;
    /** Allowed deviation of a slice gap from the series' gap, as a fraction of the gap. */
    private static final double GAP_TOLERANCE = 0.01;

    final Grid grid;
    /** The planes in stacking order (z = 0, 1, …). */
    final List<Slice> ordered;

    private SliceStack(Grid grid, List<Slice> ordered) {
        this.grid = grid;
        this.ordered = ordered;
    }

    /**
     * @param source           the series' folder or file, named in errors about the series as a whole
     * @param nominalSpacing   Spacing Between Slices, else Slice Thickness, or NaN: the z spacing of a single plane,
     *                         and the exact value of a measured gap that agrees with it
     */
    static SliceStack of(Path source, List<Slice> slices, double nominalSpacing) throws ImageReadException {
        Slice first = slices.get(0);
        for (Slice s : slices) checkSamePlaneGeometry(source, first, s);
        double[] row = unit(source, first, Arrays.copyOfRange(first.orientation(), 0, 3));
        double[] col = unit(source, first, Arrays.copyOfRange(first.orientation(), 3, 6));
        if (Math.abs(dot(row, col)) > 1e-3) {
            throw new ImageReadException(source, first.where() + ": Image Orientation (Patient) row and column directions are not orthogonal");
        }
        double[] normal = cross(row, col);

        List<Slice> ordered = new ArrayList<>(slices);
        ordered.sort(Comparator.comparingDouble(s -> dot(s.position(), normal)));
        int n = ordered.size();
        double gap;
        if (n == 1) {
            if (!(nominalSpacing > 0)) {
                throw new ImageReadException(source, first.where() + ": a single slice needs Spacing Between Slices (0018,0088) "
                        + "or Slice Thickness (0018,0050) for its z spacing");
            }
            gap = nominalSpacing;
        } else {
            gap = checkedGap(source, ordered, normal);
            if (nominalSpacing > 0 && Math.abs(gap - nominalSpacing) <= 1e-6 * gap) gap = nominalSpacing;
            checkStraight(source, ordered, row, col, first.pixelSpacing());
        }
        double[] origin = ordered.get(0).position();
        double[] direction = {row[0], col[0], normal[0], row[1], col[1], normal[1], row[2], col[2], normal[2]};
        double[] spacing = {first.pixelSpacing()[1], first.pixelSpacing()[0], gap};
        Grid grid;
        try {
            grid = new Grid(first.columns(), first.rows(), n, spacing, origin, direction);
        } catch (IllegalArgumentException e) {
            throw new ImageReadException(source, e.getMessage());
        }
        return new SliceStack(grid, List.copyOf(ordered));
    }

    private static void checkSamePlaneGeometry(Path source, Slice first, Slice s) throws ImageReadException {
        if (s.rows() != first.rows() || s.columns() != first.columns()) {
            throw new ImageReadException(source, s.where() + " has " + s.columns() + "×" + s.rows() + " pixels, but "
                    + first.where() + " has " + first.columns() + "×" + first.rows());
        }
        if (!close(s.orientation(), first.orientation(), COSINE_TOLERANCE)) {
            throw new ImageReadException(source, s.where() + ": Image Orientation (Patient) " + Arrays.toString(s.orientation())
                    + " differs from " + Arrays.toString(first.orientation()) + " of " + first.where());
        }
        for (int i = 0; i < 2; i++) {
            if (Math.abs(s.pixelSpacing()[i] - first.pixelSpacing()[i]) > COSINE_TOLERANCE * first.pixelSpacing()[i]) {
                throw new ImageReadException(source, s.where() + ": Pixel Spacing " + Arrays.toString(s.pixelSpacing())
                        + " differs from " + Arrays.toString(first.pixelSpacing()) + " of " + first.where());
            }
        }
    }

    /** The common gap between consecutive planes; a duplicate, missing or uneven plane is an error naming the planes. */
    private static double checkedGap(Path source, List<Slice> ordered, double[] normal) throws ImageReadException {
        int n = ordered.size();
        double[] gaps = new double[n - 1];
        for (int i = 0; i < n - 1; i++) {
            gaps[i] = dot(ordered.get(i + 1).position(), normal) - dot(ordered.get(i).position(), normal);
        }
        double[] sorted = gaps.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        for (int i = 0; i < gaps.length; i++) {
            Slice a = ordered.get(i), b = ordered.get(i + 1);
            String between = a.where() + " (at " + mm(dot(a.position(), normal)) + ") and " + b.where()
                    + " (at " + mm(dot(b.position(), normal)) + ")";
            if (gaps[i] < 1e-3) {
                throw new ImageReadException(source, "two slices at the same position: " + between
                        + "; the series mixes several acquisitions (choose one, e.g. by echo or time point)");
            }
            if (Math.abs(gaps[i] - median) > GAP_TOLERANCE * median) {
                long multiple = Math.round(gaps[i] / median);
                if (multiple >= 2 && Math.abs(gaps[i] - multiple * median) <= GAP_TOLERANCE * median) {
                    throw new ImageReadException(source, "missing slice" + (multiple > 2 ? "s" : "") + " between " + between
                            + ": gap " + mm(gaps[i]) + ", the series' slice spacing is " + mm(median));
                }
                throw new ImageReadException(source, "uneven slice spacing between " + between + ": gap " + mm(gaps[i])
                        + ", the series' slice spacing is " + mm(median));
            }
        }
        // the mean gap averages out the rounding of the stored positions
        return (dot(ordered.get(n - 1).position(), normal) - dot(ordered.get(0).position(), normal)) / (n - 1);
    }

    /** Every plane must sit on the normal through the first (no gantry tilt or shear). */
    private static void checkStraight(Path source, List<Slice> ordered, double[] row, double[] col, double[] pixelSpacing)
            throws ImageReadException {
        double[] p0 = ordered.get(0).position();
        double tolerance = 0.01 * Math.min(pixelSpacing[0], pixelSpacing[1]) + 1e-3;
        for (Slice s : ordered) {
            double[] d = {s.position()[0] - p0[0], s.position()[1] - p0[1], s.position()[2] - p0[2]};
            double along = dot(d, row), across = dot(d, col);
            if (Math.abs(along) > tolerance || Math.abs(across) > tolerance) {
                throw new ImageReadException(source, s.where() + " is shifted in-plane by (" + mm(along) + ", " + mm(across)
                        + ") from " + ordered.get(0).where() + ": slices are not stacked along the slice normal (gantry tilt?), "
                        + "which this reader does not resample");
            }
        }
    }

    private static double[] unit(Path source, Slice s, double[] v) throws ImageReadException {
        double norm = Math.sqrt(dot(v, v));
        if (Math.abs(norm - 1) > 1e-3) {
            throw new ImageReadException(source, s.where() + ": Image Orientation (Patient) " + Arrays.toString(s.orientation())
                    + " does not hold unit vectors");
        }
        return new double[] {v[0] / norm, v[1] / norm, v[2] / norm};
    }

    static double dot(double[] a, double[] b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static boolean close(double[] a, double[] b, double tolerance) {
        if (a.length != b.length) return false;
        for (int i = 0; i < a.length; i++) if (Math.abs(a[i] - b[i]) > tolerance) return false;
        return true;
    }

    private static String mm(double v) { return String.format(Locale.ROOT, "%.3f mm", v); }
}
