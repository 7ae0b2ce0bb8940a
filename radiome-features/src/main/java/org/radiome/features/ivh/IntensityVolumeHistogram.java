package org.radiome.features.ivh;

import java.util.Arrays;

import org.radiome.features.FeatureDefinition;
import org.radiome.features.FeatureSet;
import org.radiome.features.RoiImage;

/**
 * Intensity-volume histogram features (IBSI family P88C), computed once over the 3D ROI (DHQ4) on the
 * intensities of the ROI intensity mask.
 *
 * <p>The IVH has its own discretisation (IBSI section "Intensity-volume histogram features"), set by
 * {@link IvhSettings}. It yields, per voxel, a discretised intensity X<sub>d,gl</sub>, plus the total
 * range G and the discretisation interval w<sub>d</sub>:
 * <ul>
 *   <li>discrete calibrated intensities ({@link IvhSettings.Method#NONE}, e.g. CT):
 *       X<sub>d,gl</sub> = the intensity rounded to an integer; G = [rangeMin, rangeMax] (the
 *       re-segmentation range); a missing bound is replaced by the ROI's minimum or maximum;
 *       w<sub>d</sub> = 1;</li>
 *   <li>continuous calibrated intensities ({@link IvhSettings.Method#FIXED_BIN_SIZE}, e.g. PET):
 *       fixed bin size X<sub>d</sub> = ⌊(X − X<sub>min</sub>) / w<sub>b</sub>⌋ + 1 with X<sub>min</sub> =
 *       rangeMin (else the ROI minimum), replaced by the bin centre X<sub>min</sub> + (X<sub>d</sub> − ½)
 *       w<sub>b</sub>; G = [X<sub>min</sub> + w<sub>b</sub>/2, X<sub>max</sub> − w<sub>b</sub>/2] with
 *       X<sub>max</sub> = rangeMax (else the ROI maximum); w<sub>d</sub> = w<sub>b</sub>;</li>
 *   <li>arbitrary intensity units ({@link IvhSettings.Method#FIXED_BIN_NUMBER}, e.g. MRI): fixed bin
 *       number over the ROI minimum and maximum (any range in the settings is ignored, as IBSI says),
 *       X<sub>d,gl</sub> = X<sub>d</sub> ∈ {1…N<sub>g</sub>}, the maximum mapped to N<sub>g</sub> and a
 *       constant ROI to 1; G = [1, N<sub>g</sub>]; w<sub>d</sub> = 1.</li>
 * </ul>
 *
 * <p>The IVH is evaluated at the discretised intensities i = min(G) + k·w<sub>d</sub>, k = 0, 1, …,
 * including those absent from the ROI: the volume fraction ν<sub>i</sub> = 1 − (1/N<sub>v</sub>)
 * Σ [X<sub>d,gl,k</sub> &lt; i] and the intensity fraction γ<sub>i</sub> = (i − min G) / (max G − min G).
 * Fractions are compared with the 10 % and 90 % thresholds with a relative slack of 1e−9, so that
 * e.g. γ = 0.1 computed as 1/10 is not lost to rounding. When G is a single point (max G = min G, a
 * constant ROI without a range), IBSI defines no intensity fraction; Radiome then takes γ = 1 at that
 * point, so V<sub>x</sub> is the fraction of voxels at or above it (1).
 *
 * <p>The area under the IVH curve (IBSI 9CMM, {@code ivh_auc}) is not computed: the IBSI reference
 * workbook marks it "not standardised" (no reference value for any data set), so it could not be
 * validated.
 *
 * <p>Stateless and thread-safe.
 */
public final class IntensityVolumeHistogram {
    private static final double SLACK = 1e-9;

    /** The IVH features, in the order of the IBSI reference table. */
    public enum Feature implements FeatureDefinition {
        /**
         * Volume fraction at 10 % intensity, IBSI BC2M (V<sub>10</sub>): the largest volume fraction ν
         * among the discretised intensities with intensity fraction γ ≥ 0.10.
         */
        V10("ivh_v10", "BC2M"),
        /** Volume fraction at 90 % intensity, IBSI BC2M (V<sub>90</sub>): as {@link #V10} with γ ≥ 0.90. */
        V90("ivh_v90", "BC2M"),
        /**
         * Intensity at 10 % volume, IBSI GBPN (I<sub>10</sub>): the smallest discretised intensity i of the
         * IVH grid with volume fraction ν<sub>i</sub> ≤ 0.10. The grid continues past max G if needed, so
         * a value always exists (at the latest one step above the highest discretised intensity).
         */
        I10("ivh_i10", "GBPN"),
        /** Intensity at 90 % volume, IBSI GBPN (I<sub>90</sub>): as {@link #I10} with ν ≤ 0.90. */
        I90("ivh_i90", "GBPN"),
        /** Volume fraction difference V<sub>10</sub> − V<sub>90</sub>, IBSI DDTU. */
        DIFF_V10_V90("ivh_diff_v10_v90", "DDTU"),
        /** Intensity difference I<sub>10</sub> − I<sub>90</sub>, IBSI CNV2. */
        DIFF_I10_I90("ivh_diff_i10_i90", "CNV2");

        private final String tag;
        private final String ibsiCode;

        Feature(String tag, String ibsiCode) {
            this.tag = tag;
            this.ibsiCode = ibsiCode;
        }

        @Override public String tag() { return tag; }
        @Override public String ibsiCode() { return ibsiCode; }
    }

    private IntensityVolumeHistogram() {}

    /** The six standardised IVH features of {@code roi} under {@code settings}. */
    public static FeatureSet compute(RoiImage roi, IvhSettings settings) {
        Histogram ivh = Histogram.of(roi.roiIntensities(), settings);
        double v10 = ivh.volumeAtIntensityFraction(0.10);
        double v90 = ivh.volumeAtIntensityFraction(0.90);
        double i10 = ivh.intensityAtVolumeFraction(0.10);
        double i90 = ivh.intensityAtVolumeFraction(0.90);
        FeatureSet out = new FeatureSet();
        out.add(Feature.V10, v10);
        out.add(Feature.V90, v90);
        out.add(Feature.I10, i10);
        out.add(Feature.I90, i90);
        out.add(Feature.DIFF_V10_V90, v10 - v90);
        out.add(Feature.DIFF_I10_I90, i10 - i90);
        return out;
    }

    /**
     * The discretised ROI in IVH grid units: each voxel's position t = (X<sub>d,gl</sub> − min G) /
     * w<sub>d</sub>, sorted ascending (a whole number for the binned cases), the grid step count
     * K = (max G − min G) / w<sub>d</sub>, and the map back to intensities.
     */
    record Histogram(double[] sortedPositions, double gridMin, double gridStep, double gridSteps) {

        static Histogram of(double[] x, IvhSettings settings) {
            int n = x.length;
            if (n == 0) throw new IllegalArgumentException("the ROI intensity mask is empty");
            double roiMin = Double.POSITIVE_INFINITY, roiMax = Double.NEGATIVE_INFINITY;
            for (double v : x) {
                roiMin = Math.min(roiMin, v);
                roiMax = Math.max(roiMax, v);
            }
            double[] t = new double[n];
            double gridMin, gridMax, step;
            switch (settings.method()) {
                case NONE -> {
                    double lowest = Math.rint(roiMin), highest = Math.rint(roiMax);
                    gridMin = settings.rangeMin() != null ? settings.rangeMin() : lowest;
                    gridMax = settings.rangeMax() != null ? settings.rangeMax() : highest;
                    step = 1;
                    for (int k = 0; k < n; k++) t[k] = Math.rint(x[k]) - gridMin;
                }
                case FIXED_BIN_SIZE -> {
                    double w = settings.binWidth();
                    double lower = settings.rangeMin() != null ? settings.rangeMin() : roiMin;
                    double upper = settings.rangeMax() != null ? settings.rangeMax() : roiMax;
                    gridMin = lower + w / 2;
                    gridMax = upper - w / 2;
                    step = w;
                    // bin X_d = floor((X - lower) / w) + 1 has centre lower + (X_d - 1/2) w = gridMin + (X_d - 1) w
                    for (int k = 0; k < n; k++) t[k] = Math.floor((x[k] - lower) / w);
                }
                case FIXED_BIN_NUMBER -> {
                    int bins = settings.binCount();
                    double range = roiMax - roiMin;
                    gridMin = 1;
                    gridMax = bins;
                    step = 1;
                    for (int k = 0; k < n; k++) {
                        double level = range > 0 ? Math.floor(bins * (x[k] - roiMin) / range) : 0;
                        t[k] = Math.min(level, bins - 1);
                    }
                }
                default -> throw new IllegalArgumentException("unknown ivh method " + settings.method());
            }
            if (!(gridMax >= gridMin)) {
                throw new IllegalArgumentException("ivh total range [" + gridMin + ", " + gridMax + "] is empty");
            }
            Arrays.sort(t);
            return new Histogram(t, gridMin, step, (gridMax - gridMin) / step);
        }

        /** ν at grid point k: the fraction of voxels with position ≥ k. */
        double volumeFraction(long k) {
            int below = countBelow(k);
            return (sortedPositions.length - below) / (double) sortedPositions.length;
        }

        /** V<sub>x</sub>: ν at the first grid point with γ = k / K ≥ x (the largest such ν, ν being non-increasing). */
        double volumeAtIntensityFraction(double x) {
            long k = gridSteps > 0 ? (long) Math.ceil(x * gridSteps * (1 - SLACK)) : 0;
            return volumeFraction(k);
        }

        /** I<sub>x</sub>: the intensity of the first grid point k ≥ 0 with ν<sub>k</sub> ≤ x. */
        double intensityAtVolumeFraction(double x) {
            int n = sortedPositions.length;
            // ν_k ≤ x  ⇔  at most m voxels lie at or above k, m = ⌊x·N⌋  ⇔  k > position of sorted voxel N − 1 − m
            long m = (long) Math.floor(x * n * (1 + SLACK));
            long k;
            if (m >= n) {
                k = 0;
            } else {
                k = Math.max(0, (long) Math.floor(sortedPositions[(int) (n - 1 - m)]) + 1);
            }
            return gridMin + k * gridStep;
        }

        /** Number of voxels with position &lt; k (binary search on the sorted positions). */
        private int countBelow(double k) {
            int lo = 0, hi = sortedPositions.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sortedPositions[mid] < k) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }
    }
}
