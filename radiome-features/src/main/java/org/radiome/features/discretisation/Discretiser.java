package org.radiome.features.discretisation;

import org.radiome.features.RoiImage;

/**
 * Intensity discretisation (IBSI section 2.7).
 *
 * <ul>
 *   <li>Fixed bin number (IBSI K15C): {@code X_d = floor(N_g (X − X_min) / (X_max − X_min)) + 1},
 *       with X_max mapped to N_g; X_min and X_max are the ROI's extremes. A ROI of one intensity
 *       gets level 1.</li>
 *   <li>Fixed bin size (IBSI Q3RU): {@code X_d = floor((X − X_min) / w_b) + 1}, X_min being the lower
 *       bound of the re-segmentation range, else the ROI minimum.</li>
 *   <li>None: the intensities are already discrete; each is rounded to the nearest integer and must be
 *       at least 1.</li>
 * </ul>
 * N_g ({@link GreyLevels#levelCount()}) is the bin count for fixed bin number, otherwise the highest
 * level present. Stateless and thread-safe.
 */
public final class Discretiser {
    private Discretiser() {}

    public static GreyLevels discretise(RoiImage roi, DiscretisationSettings settings) {
        float[] values = roi.intensities();
        boolean[] mask = roi.intensityMask();
        int n = values.length;
        int[] levels = new int[n];
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (!mask[i]) continue;
            double v = values[i];
            if (v < min) min = v;
            if (v > max) max = v;
        }
        int highest = 0;
        switch (settings.method()) {
            case NONE -> {
                for (int i = 0; i < n; i++) {
                    if (!mask[i]) continue;
                    long level = Math.round((double) values[i]);
                    if (level < 1 || level > 1_000_000) {
                        throw new IllegalArgumentException("discretisation 'none' needs integer intensities from 1 to 10^6 in the ROI, found "
                                + values[i] + "; use fixed_bin_size or fixed_bin_number");
                    }
                    levels[i] = (int) level;
                    highest = Math.max(highest, levels[i]);
                }
            }
            case FIXED_BIN_SIZE -> {
                double lower = settings.lowerBound() != null ? settings.lowerBound() : min;
                double w = settings.binWidth();
                for (int i = 0; i < n; i++) {
                    if (!mask[i]) continue;
                    double level = Math.floor((values[i] - lower) / w) + 1;
                    if (level < 1) {
                        throw new IllegalArgumentException("intensity " + values[i] + " lies below the discretisation lower bound " + lower);
                    }
                    levels[i] = (int) level;
                    highest = Math.max(highest, levels[i]);
                }
            }
            case FIXED_BIN_NUMBER -> {
                int ng = settings.binCount();
                double range = max - min;
                for (int i = 0; i < n; i++) {
                    if (!mask[i]) continue;
                    int level = range > 0 ? (int) Math.floor(ng * (values[i] - min) / range) + 1 : 1;
                    levels[i] = Math.min(level, ng);
                }
                highest = ng;
            }
        }
        return new GreyLevels(roi.nx(), roi.ny(), roi.nz(), levels, highest);
    }
}
