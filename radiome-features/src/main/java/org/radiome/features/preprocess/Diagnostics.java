package org.radiome.features.preprocess;

import org.radiome.features.FeatureSet;
import org.radiome.image.Grid;
import org.radiome.image.Mask;
import org.radiome.image.Volume;

/**
 * The IBSI diagnostic features (IBSI 1 manual, "Reference data sets", "Diagnostic features"): how the
 * image and the ROI look after each processing step, named as in the IBSI reference tables
 * ({@code img_dim_x_init_img}, {@code int_mask_vox_count_reseg_roi}, …). They have no IBSI identifiers.
 *
 * <ul>
 *   <li>image, at stages {@code init_img} and {@code interp_img}: dimensions in voxels
 *       ({@code img_dim_x/y/z}), voxel spacing in mm ({@code vox_dim_x/y/z}), and the mean, minimum and
 *       maximum intensity of the whole image ({@code mean_int}, {@code min_int}, {@code max_int});</li>
 *   <li>ROI, at stages {@code init_roi}, {@code interp_roi} and {@code reseg_roi}: dimensions of the
 *       intensity mask's grid ({@code int_mask_dim_x/y/z}), bounding-box dimensions of the intensity and
 *       morphological masks ({@code int_mask_bb_dim_x/y/z}, {@code morph_mask_bb_dim_x/y/z}), their
 *       voxel counts ({@code int_mask_vox_count}, {@code morph_mask_vox_count}) and the mean, minimum
 *       and maximum intensity inside the intensity mask ({@code int_mask_mean_int}, …).</li>
 * </ul>
 * An empty mask has bounding box 0 × 0 × 0 and NaN intensities.
 */
public final class Diagnostics {
    private Diagnostics() {}

    /** Adds the image diagnostics with suffix {@code stage} ({@code init_img} or {@code interp_img}). */
    public static void image(FeatureSet out, Volume image, String stage) {
        Grid g = image.grid();
        out.addUnidentified("img_dim_x_" + stage, g.nx());
        out.addUnidentified("img_dim_y_" + stage, g.ny());
        out.addUnidentified("img_dim_z_" + stage, g.nz());
        out.addUnidentified("vox_dim_x_" + stage, g.spacing(0));
        out.addUnidentified("vox_dim_y_" + stage, g.spacing(1));
        out.addUnidentified("vox_dim_z_" + stage, g.spacing(2));
        double[] s = intensityStats(image.voxels(), null);
        out.addUnidentified("mean_int_" + stage, s[0]);
        out.addUnidentified("min_int_" + stage, s[1]);
        out.addUnidentified("max_int_" + stage, s[2]);
    }

    /** Adds the ROI diagnostics with suffix {@code stage} ({@code init_roi}, {@code interp_roi}, {@code reseg_roi}). */
    public static void roi(FeatureSet out, Volume image, Mask morphological, Mask intensity, String stage) {
        Grid g = intensity.grid();
        out.addUnidentified("int_mask_dim_x_" + stage, g.nx());
        out.addUnidentified("int_mask_dim_y_" + stage, g.ny());
        out.addUnidentified("int_mask_dim_z_" + stage, g.nz());
        int[] ib = boundingBox(intensity);
        out.addUnidentified("int_mask_bb_dim_x_" + stage, ib[0]);
        out.addUnidentified("int_mask_bb_dim_y_" + stage, ib[1]);
        out.addUnidentified("int_mask_bb_dim_z_" + stage, ib[2]);
        int[] mb = boundingBox(morphological);
        out.addUnidentified("morph_mask_bb_dim_x_" + stage, mb[0]);
        out.addUnidentified("morph_mask_bb_dim_y_" + stage, mb[1]);
        out.addUnidentified("morph_mask_bb_dim_z_" + stage, mb[2]);
        out.addUnidentified("int_mask_vox_count_" + stage, intensity.count());
        out.addUnidentified("morph_mask_vox_count_" + stage, morphological.count());
        double[] s = intensityStats(image.voxels(), intensity.inside());
        out.addUnidentified("int_mask_mean_int_" + stage, s[0]);
        out.addUnidentified("int_mask_min_int_" + stage, s[1]);
        out.addUnidentified("int_mask_max_int_" + stage, s[2]);
    }

    /** Extent in voxels of the mask's bounding box along x, y, z. */
    static int[] boundingBox(Mask mask) {
        Grid g = mask.grid();
        boolean[] in = mask.inside();
        int nx = g.nx(), ny = g.ny(), nz = g.nz();
        int minX = nx, minY = ny, minZ = nz, maxX = -1, maxY = -1, maxZ = -1;
        for (int z = 0, i = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++, i++) {
                    if (!in[i]) continue;
                    if (x < minX) minX = x;
                    if (x > maxX) maxX = x;
                    if (y < minY) minY = y;
                    if (y > maxY) maxY = y;
                    if (z < minZ) minZ = z;
                    if (z > maxZ) maxZ = z;
                }
            }
        }
        if (maxX < 0) return new int[3];
        return new int[] {maxX - minX + 1, maxY - minY + 1, maxZ - minZ + 1};
    }

    /** Mean, minimum and maximum of {@code values} where {@code mask} is true (everywhere if null). */
    private static double[] intensityStats(float[] values, boolean[] mask) {
        double sum = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        long n = 0;
        for (int i = 0; i < values.length; i++) {
            if (mask != null && !mask[i]) continue;
            double v = values[i];
            sum += v;
            if (v < min) min = v;
            if (v > max) max = v;
            n++;
        }
        if (n == 0) return new double[] {Double.NaN, Double.NaN, Double.NaN};
        return new double[] {sum / n, min, max};
    }
}
