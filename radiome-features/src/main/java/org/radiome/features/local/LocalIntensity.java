package org.radiome.features.local;

import java.util.Arrays;

import org.radiome.features.FeatureDefinition;
import org.radiome.features.FeatureSet;
import org.radiome.features.RoiImage;
import org.radiome.image.Grid;

/**
 * Local intensity features (IBSI family 9ST6), computed in 3D (DHQ4).
 *
 * <p>The <em>peak</em> at a voxel is the mean intensity of all image voxels whose centres lie within
 * the radius {@code r = (3 / (4π))^(1/3) cm ≈ 6.2035 mm} of that voxel's centre (a sphere of 1 cm³),
 * distances measured in world units with the voxel spacing, the centre voxel included. As IBSI
 * requires, the neighbourhood draws on the whole image, inside the ROI or not; only the centre voxel
 * must lie in the ROI intensity mask. Near the image border the sphere is cut off and the mean is
 * taken over the voxels that exist.
 *
 * <p>The sphere is stored once as rows: for each (dy, dz) inside the radius, the half-length of the
 * run of x offsets inside it. With prefix sums along x over the ROI's bounding box widened by the
 * radius, the sum over one row costs one subtraction, so a peak costs one operation per sphere row
 * instead of per sphere voxel.
 *
 * <p>Stateless and thread-safe.
 */
public final class LocalIntensity {
    /** Radius of a sphere of 1 cm³, in mm: (3 / (4π))^(1/3) cm. */
    public static final double PEAK_RADIUS_MM = 10.0 * Math.cbrt(3.0 / (4.0 * Math.PI));

    /** The local intensity features, in the order of the IBSI reference table. */
    public enum Feature implements FeatureDefinition {
        /**
         * Local intensity peak, IBSI VJGA: the peak centred on the voxel of maximum intensity in the
         * ROI intensity mask; if several voxels share the maximum, the highest of their peaks.
         */
        PEAK_LOCAL("loc_peak_loc", "VJGA"),
        /** Global intensity peak, IBSI 0F91: the highest peak over every voxel of the ROI intensity mask. */
        PEAK_GLOBAL("loc_peak_glob", "0F91");

        private final String tag;
        private final String ibsiCode;

        Feature(String tag, String ibsiCode) {
            this.tag = tag;
            this.ibsiCode = ibsiCode;
        }

        @Override public String tag() { return tag; }
        @Override public String ibsiCode() { return ibsiCode; }
    }

    private LocalIntensity() {}

    /** Both local intensity features of {@code roi}, using {@code roi.image()} for the neighbourhoods. */
    public static FeatureSet compute(RoiImage roi) {
        SphereMean sphere = new SphereMean(roi);
        float[] values = roi.intensities();
        boolean[] mask = roi.intensityMask();
        int nx = roi.nx(), ny = roi.ny(), nz = roi.nz();

        float maxIntensity = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] && values[i] > maxIntensity) maxIntensity = values[i];
        }

        double localPeak = Double.NEGATIVE_INFINITY;
        double globalPeak = Double.NEGATIVE_INFINITY;
        for (int z = 0, i = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++, i++) {
                    if (!mask[i]) continue;
                    double peak = sphere.meanAround(x, y, z);
                    if (peak > globalPeak) globalPeak = peak;
                    if (values[i] == maxIntensity && peak > localPeak) localPeak = peak;
                }
            }
        }

        FeatureSet out = new FeatureSet();
        out.add(Feature.PEAK_LOCAL, localPeak);
        out.add(Feature.PEAK_GLOBAL, globalPeak);
        return out;
    }

    /**
     * Mean intensity of the image voxels in the 1 cm³ sphere around a ROI voxel, from prefix sums along
     * x over the ROI box widened by the sphere's reach (clipped to the image).
     */
    static final class SphereMean {
        /** Per sphere row: y offset, z offset and half-length of the x run. */
        private final int[] rowDy, rowDz, rowHalfX;
        /** Prefix sums: row (y, z) of the widened box starts at {@code ((y) + by * (z)) * (bx + 1)}. */
        private final double[] prefix;
        private final int bx, by, bz;
        /** Offset from ROI box coordinates to widened-box coordinates. */
        private final int ox, oy, oz;

        SphereMean(RoiImage roi) {
            double sx = roi.sx(), sy = roi.sy(), sz = roi.sz();
            double r2 = PEAK_RADIUS_MM * PEAK_RADIUS_MM;
            int reachX = reach(sx, r2), reachY = reach(sy, r2), reachZ = reach(sz, r2);

            int rows = 0;
            int[] dys = new int[(2 * reachY + 1) * (2 * reachZ + 1)];
            int[] dzs = new int[dys.length];
            int[] halves = new int[dys.length];
            for (int dz = -reachZ; dz <= reachZ; dz++) {
                for (int dy = -reachY; dy <= reachY; dy++) {
                    double rest = r2 - (dy * sy) * (dy * sy) - (dz * sz) * (dz * sz);
                    if (rest < 0) continue;
                    int half = 0;
                    while ((half + 1) * sx * ((half + 1) * sx) <= rest) half++;
                    dys[rows] = dy;
                    dzs[rows] = dz;
                    halves[rows] = half;
                    rows++;
                }
            }
            rowDy = Arrays.copyOf(dys, rows);
            rowDz = Arrays.copyOf(dzs, rows);
            rowHalfX = Arrays.copyOf(halves, rows);

            Grid g = roi.image().grid();
            int gx0 = Math.max(0, roi.x0() - reachX), gx1 = Math.min(g.nx() - 1, roi.x0() + roi.nx() - 1 + reachX);
            int gy0 = Math.max(0, roi.y0() - reachY), gy1 = Math.min(g.ny() - 1, roi.y0() + roi.ny() - 1 + reachY);
            int gz0 = Math.max(0, roi.z0() - reachZ), gz1 = Math.min(g.nz() - 1, roi.z0() + roi.nz() - 1 + reachZ);
            bx = gx1 - gx0 + 1;
            by = gy1 - gy0 + 1;
            bz = gz1 - gz0 + 1;
            ox = roi.x0() - gx0;
            oy = roi.y0() - gy0;
            oz = roi.z0() - gz0;

            float[] image = roi.image().voxels();
            prefix = new double[(bx + 1) * by * bz];
            for (int z = 0; z < bz; z++) {
                for (int y = 0; y < by; y++) {
                    int src = g.index(gx0, gy0 + y, gz0 + z);
                    int dst = (y + by * z) * (bx + 1);
                    double sum = 0;
                    prefix[dst] = 0;
                    for (int x = 0; x < bx; x++) {
                        sum += image[src + x];
                        prefix[dst + x + 1] = sum;
                    }
                }
            }
        }

        /** Largest whole number of voxel steps along an axis that stays within the radius. */
        private static int reach(double spacing, double r2) {
            int n = 0;
            while ((n + 1) * spacing * ((n + 1) * spacing) <= r2) n++;
            return n;
        }

        /** Mean over the sphere around voxel (x, y, z) of the ROI box. */
        double meanAround(int x, int y, int z) {
            int cx = x + ox, cy = y + oy, cz = z + oz;
            double sum = 0;
            long count = 0;
            for (int r = 0; r < rowDy.length; r++) {
                int yy = cy + rowDy[r], zz = cz + rowDz[r];
                if (yy < 0 || yy >= by || zz < 0 || zz >= bz) continue;
                int lo = Math.max(0, cx - rowHalfX[r]);
                int hi = Math.min(bx - 1, cx + rowHalfX[r]);
                int base = (yy + by * zz) * (bx + 1);
                sum += prefix[base + hi + 1] - prefix[base + lo];
                count += hi - lo + 1;
            }
            return sum / count;
        }
    }
}
