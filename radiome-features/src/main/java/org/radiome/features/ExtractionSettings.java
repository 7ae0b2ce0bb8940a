package org.radiome.features;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.radiome.features.discretisation.DiscretisationSettings;
import org.radiome.features.glcm.GlcmSettings;
import org.radiome.features.gldzm.GldzmSettings;
import org.radiome.features.glrlm.GlrlmSettings;
import org.radiome.features.glszm.GlszmSettings;
import org.radiome.features.ivh.IvhSettings;
import org.radiome.features.ngldm.NgldmSettings;
import org.radiome.features.ngtdm.NgtdmSettings;
import org.radiome.features.preprocess.PreprocessingSettings;

/**
 * Everything that determines the feature values of one ROI, once the image and mask are given.
 * Immutable; one instance serves any number of concurrent extractions.
 *
 * @param families       the families to compute, in {@link Family} order
 * @param discretisation grey-level discretisation for the intensity histogram and texture families
 * @param preprocessing  the IBSI image processing before the families run (rounding, interpolation,
 *                       re-segmentation, diagnostics)
 */
public record ExtractionSettings(
        Set<Family> families,
        DiscretisationSettings discretisation,
        IvhSettings ivh,
        GlcmSettings glcm,
        GlrlmSettings glrlm,
        GlszmSettings glszm,
        GldzmSettings gldzm,
        NgtdmSettings ngtdm,
        NgldmSettings ngldm,
        PreprocessingSettings preprocessing) {

    /** Settings without preprocessing: the image and mask are used as they are. */
    public ExtractionSettings(Set<Family> families, DiscretisationSettings discretisation, IvhSettings ivh,
                              GlcmSettings glcm, GlrlmSettings glrlm, GlszmSettings glszm, GldzmSettings gldzm,
                              NgtdmSettings ngtdm, NgldmSettings ngldm) {
        this(families, discretisation, ivh, glcm, glrlm, glszm, gldzm, ngtdm, ngldm, PreprocessingSettings.none());
    }

    public ExtractionSettings {
        Objects.requireNonNull(families, "families");
        if (families.isEmpty()) throw new IllegalArgumentException("families must name at least one feature family");
        families = Collections.unmodifiableSet(EnumSet.copyOf(families));
        Objects.requireNonNull(discretisation, "discretisation");
        Objects.requireNonNull(ivh, "ivh");
        Objects.requireNonNull(glcm, "glcm");
        Objects.requireNonNull(glrlm, "glrlm");
        Objects.requireNonNull(glszm, "glszm");
        Objects.requireNonNull(gldzm, "gldzm");
        Objects.requireNonNull(ngtdm, "ngtdm");
        Objects.requireNonNull(ngldm, "ngldm");
        Objects.requireNonNull(preprocessing, "preprocessing");
    }

    /** The same settings computing only {@code selected} (intersected with the configured families). */
    public ExtractionSettings onlyFamilies(Set<Family> selected) {
        EnumSet<Family> keep = EnumSet.noneOf(Family.class);
        keep.addAll(families);
        keep.retainAll(selected);
        if (keep.isEmpty()) throw new IllegalArgumentException("none of the requested families is enabled in the settings");
        return new ExtractionSettings(keep, discretisation, ivh, glcm, glrlm, glszm, gldzm, ngtdm, ngldm, preprocessing);
    }
}
