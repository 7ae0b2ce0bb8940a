package org.radiome.features;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.radiome.features.discretisation.Discretiser;
import org.radiome.features.discretisation.GreyLevels;
import org.radiome.features.glcm.Glcm;
import org.radiome.features.gldzm.Gldzm;
import org.radiome.features.glrlm.Glrlm;
import org.radiome.features.glszm.Glszm;
import org.radiome.features.histogram.IntensityHistogram;
import org.radiome.features.ivh.IntensityVolumeHistogram;
import org.radiome.features.local.LocalIntensity;
import org.radiome.features.morphology.Morphology;
import org.radiome.features.ngldm.Ngldm;
import org.radiome.features.ngtdm.Ngtdm;
import org.radiome.features.preprocess.Preprocessor;
import org.radiome.features.statistics.IntensityStatistics;
import org.radiome.image.Mask;
import org.radiome.image.Volume;

/**
 * Computes the configured feature families of one preprocessed ROI. The grey levels are discretised
 * once and shared by the intensity histogram and all texture families.
 *
 * <p>Stateless and thread-safe. With an executor, the families of one ROI run concurrently; the
 * result's column order is always {@link Family} order.
 */
public final class RoiFeatureExtractor {
    private RoiFeatureExtractor() {}

    /**
     * Runs the settings' preprocessing ({@link Preprocessor}) on an image and its ROI mask (same grid), then
     * computes the families; the diagnostic features, if asked for, come first.
     *
     * @throws IllegalArgumentException if the grids differ or the ROI is empty after preprocessing
     */
    public static FeatureSet extract(Volume image, Mask roi, ExtractionSettings settings) {
        return extract(image, roi, settings, null);
    }

    /** As {@link #extract(Volume, Mask, ExtractionSettings)}, with the families on {@code executor} unless it is null. */
    public static FeatureSet extract(Volume image, Mask roi, ExtractionSettings settings, ExecutorService executor) {
        Preprocessor.Result processed = Preprocessor.run(image, roi, settings.preprocessing());
        FeatureSet all = new FeatureSet();
        all.addAll(processed.diagnostics());
        all.addAll(executor == null ? extract(processed.roi(), settings) : extract(processed.roi(), settings, executor));
        return all;
    }

    /** Computes the families one after the other on the calling thread. */
    public static FeatureSet extract(RoiImage roi, ExtractionSettings settings) {
        GreyLevels levels = needsGreyLevels(settings) ? Discretiser.discretise(roi, settings.discretisation()) : null;
        FeatureSet all = new FeatureSet();
        for (Family family : settings.families()) all.addAll(compute(family, roi, levels, settings));
        return all;
    }

    /** Computes the families concurrently on {@code executor} (the caller may be one of its threads only if it is a ForkJoinPool). */
    public static FeatureSet extract(RoiImage roi, ExtractionSettings settings, ExecutorService executor) {
        GreyLevels levels = needsGreyLevels(settings) ? Discretiser.discretise(roi, settings.discretisation()) : null;
        Map<Family, Future<FeatureSet>> futures = new EnumMap<>(Family.class);
        for (Family family : settings.families()) {
            futures.put(family, executor.submit(() -> compute(family, roi, levels, settings)));
        }
        FeatureSet all = new FeatureSet();
        List<Throwable> failures = new ArrayList<>();
        for (Future<FeatureSet> f : futures.values()) {
            try {
                all.addAll(f.get());
            } catch (ExecutionException e) {
                failures.add(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        if (!failures.isEmpty()) {
            Throwable first = failures.get(0);
            if (first instanceof RuntimeException re) throw re;
            if (first instanceof Error err) throw err;
            throw new IllegalStateException(first);
        }
        return all;
    }

    private static boolean needsGreyLevels(ExtractionSettings s) {
        for (Family f : s.families()) {
            switch (f) {
                case MORPHOLOGY, LOCAL_INTENSITY, STATISTICS, INTENSITY_VOLUME_HISTOGRAM -> { }
                default -> { return true; }
            }
        }
        return false;
    }

    /** Computes one family from the ROI and its (shared) grey levels; {@code levels} may be null for families that do not use them. */
    public static FeatureSet compute(Family family, RoiImage roi, GreyLevels levels, ExtractionSettings s) {
        return switch (family) {
            case MORPHOLOGY -> Morphology.compute(roi);
            case LOCAL_INTENSITY -> LocalIntensity.compute(roi);
            case STATISTICS -> IntensityStatistics.compute(roi);
            case INTENSITY_HISTOGRAM -> IntensityHistogram.compute(levels);
            case INTENSITY_VOLUME_HISTOGRAM -> IntensityVolumeHistogram.compute(roi, s.ivh());
            case GLCM -> Glcm.compute(levels, s.glcm());
            case GLRLM -> Glrlm.compute(levels, s.glrlm());
            case GLSZM -> Glszm.compute(levels, s.glszm());
            case GLDZM -> Gldzm.compute(levels, roi, s.gldzm());
            case NGTDM -> Ngtdm.compute(levels, s.ngtdm());
            case NGLDM -> Ngldm.compute(levels, s.ngldm());
        };
    }
}
