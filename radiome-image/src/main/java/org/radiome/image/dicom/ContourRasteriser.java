package org.radiome.image.dicom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.radiome.image.Grid;
import org.radiome.image.Mask;
import org.radiome.image.io.ImageReadException;

/**
 * Rasterises closed planar contours onto an image grid. The rule (also in the README, since tools that
 * rasterise differently give different features):
 * <ol>
 *   <li>Each contour point is mapped to continuous voxel coordinates of the grid. A contour must be
 *       planar and parallel to the slices (its points within 5 % of the slice spacing of their mean
 *       plane). It belongs to the slice whose centre is nearest to its plane, which must lie within half
 *       a slice spacing of that centre; a contour farther from every slice (beyond the image's first or
 *       last slice) is an error. The referenced SOP Instance UIDs are not used: exports and crops often
 *       leave them stale.</li>
 *   <li>A voxel is inside when its centre is inside the polygon formed by all contours of its slice
 *       under the even–odd rule: a ray from the centre in +x crosses their edges an odd number of times.
 *       So a contour within another is a hole, and overlapping contours cancel. An edge is crossed when
 *       the ray's y lies in [y1, y2) of the edge (half-open), so a centre exactly on a left edge is inside
 *       and one on a right edge outside, and no voxel is counted twice by two contours sharing an edge.</li>
 *   <li>The contour closes by itself (last point to first); a repeated first point does no harm.</li>
 * </ol>
 * This is the ray-casting ("PNPOLY") point-in-polygon test at voxel centres, the rule of the IBSI CT
 * phantom's NIfTI conversion and of most radiomics tools; tools that also include voxels the contour
 * only touches give larger masks.
 *
 * <p>Stateless and thread-safe. Cost: for each slice row, one pass over the slice's edges.
 */
final class ContourRasteriser {
    private ContourRasteriser() {}

    private static final double PLANARITY_TOLERANCE = 0.05;

    static Mask rasterise(Path file, String roi, List<double[]> contours, Grid grid) throws ImageReadException {
        int nx = grid.nx(), ny = grid.ny(), nz = grid.nz();
        List<List<double[]>> polygonsBySlice = new ArrayList<>();
        for (int z = 0; z < nz; z++) polygonsBySlice.add(new ArrayList<>());
        WorldToVoxel toVoxel = new WorldToVoxel(grid);
        int number = 0;
        for (double[] contour : contours) {
            number++;
            int points = contour.length / 3;
            double[] xy = new double[2 * points];
            double[] k = new double[points];
            double kMean = 0;
            for (int p = 0; p < points; p++) {
                double[] v = toVoxel.apply(contour[3 * p], contour[3 * p + 1], contour[3 * p + 2]);
                xy[2 * p] = v[0];
                xy[2 * p + 1] = v[1];
                k[p] = v[2];
                kMean += v[2];
            }
            kMean /= points;
            for (double kp : k) {
                if (Math.abs(kp - kMean) > PLANARITY_TOLERANCE) {
                    throw new ImageReadException(file, "ROI '" + roi + "', contour " + number
                            + ": not in a plane parallel to the image slices (the image's slice normal differs from the contour's)");
                }
            }
            long slice = Math.max(0, Math.min(nz - 1, Math.round(kMean)));
            if (Math.abs(kMean - slice) > 0.5 + 1e-9) {
                double zMm = contour[2];
                throw new ImageReadException(file, "ROI '" + roi + "', contour " + number + " (plane at z = "
                        + String.format(Locale.ROOT, "%.2f", zMm) + " mm) is more than half a slice spacing from every slice "
                        + "of the image (it lies outside the image's " + nz + " slices)");
            }
            polygonsBySlice.get((int) slice).add(xy);
        }
        boolean[] inside = new boolean[grid.voxelCount()];
        double[] crossings = new double[16];
        for (int z = 0; z < nz; z++) {
            List<double[]> polygons = polygonsBySlice.get(z);
            if (polygons.isEmpty()) continue;
            double yMin = Double.POSITIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY;
            for (double[] xy : polygons) {
                for (int p = 1; p < xy.length; p += 2) {
                    yMin = Math.min(yMin, xy[p]);
                    yMax = Math.max(yMax, xy[p]);
                }
            }
            int yFrom = Math.max(0, (int) Math.ceil(yMin)), yTo = Math.min(ny - 1, (int) Math.floor(yMax));
            for (int y = yFrom; y <= yTo; y++) {
                int count = 0;
                for (double[] xy : polygons) {
                    int points = xy.length / 2;
                    for (int p = 0, q = points - 1; p < points; q = p++) {
                        double x1 = xy[2 * q], y1 = xy[2 * q + 1], x2 = xy[2 * p], y2 = xy[2 * p + 1];
                        if ((y1 <= y) != (y2 <= y)) { // edge spans the row, half-open in y
                            if (count == crossings.length) crossings = Arrays.copyOf(crossings, 2 * count);
                            crossings[count++] = x1 + (y - y1) * (x2 - x1) / (y2 - y1);
                        }
                    }
                }
                Arrays.sort(crossings, 0, count);
                int row = nx * (y + ny * z);
                // even–odd: inside between crossings 2m and 2m+1, x in [c2m, c2m+1)
                for (int c = 0; c + 1 < count; c += 2) {
                    int xFrom = Math.max(0, (int) Math.ceil(crossings[c]));
                    int xTo = Math.min(nx - 1, (int) Math.ceil(crossings[c + 1]) - 1);
                    for (int x = xFrom; x <= xTo; x++) inside[row + x] = true;
                }
            }
        }
        return new Mask(grid, inside);
    }

    /** Inverse of {@link Grid#toWorld}: continuous voxel coordinates of an LPS point (direction orthonormal). */
    static final class WorldToVoxel {
        private final double[] origin, direction, spacing;

        WorldToVoxel(Grid grid) {
            origin = grid.origin();
            direction = grid.direction();
            spacing = grid.spacing();
        }

        double[] apply(double x, double y, double z) {
            double dx = x - origin[0], dy = y - origin[1], dz = z - origin[2];
            double[] v = new double[3];
            for (int a = 0; a < 3; a++) {
                // column a of the row-major direction matrix is the unit vector of axis a
                v[a] = (direction[a] * dx + direction[3 + a] * dy + direction[6 + a] * dz) / spacing[a];
            }
            return v;
        }
    }
}
