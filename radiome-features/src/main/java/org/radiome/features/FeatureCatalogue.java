package org.radiome.features;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
import org.radiome.features.statistics.IntensityStatistics;

/** Every feature Radiome computes, by family, with its IBSI tag and code. */
public final class FeatureCatalogue {
    /** One feature of one family. */
    public record Entry(Family family, FeatureDefinition feature) {}

    private static final List<Entry> ALL = build();

    private FeatureCatalogue() {}

    public static List<Entry> all() { return ALL; }

    private static List<Entry> build() {
        List<Entry> out = new ArrayList<>();
        add(out, Family.MORPHOLOGY, Morphology.Feature.values());
        add(out, Family.LOCAL_INTENSITY, LocalIntensity.Feature.values());
        add(out, Family.STATISTICS, IntensityStatistics.Feature.values());
        add(out, Family.INTENSITY_HISTOGRAM, IntensityHistogram.Feature.values());
        add(out, Family.INTENSITY_VOLUME_HISTOGRAM, IntensityVolumeHistogram.Feature.values());
        add(out, Family.GLCM, Glcm.Feature.values());
        add(out, Family.GLRLM, Glrlm.Feature.values());
        add(out, Family.GLSZM, Glszm.Feature.values());
        add(out, Family.GLDZM, Gldzm.Feature.values());
        add(out, Family.NGTDM, Ngtdm.Feature.values());
        add(out, Family.NGLDM, Ngldm.Feature.values());
        return Collections.unmodifiableList(out);
    }

    private static void add(List<Entry> out, Family family, FeatureDefinition[] features) {
        for (FeatureDefinition f : features) out.add(new Entry(family, f));
    }
}
