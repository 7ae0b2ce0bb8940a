package org.radiome.features.pyradiomics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.radiome.features.FeatureSet;
import org.radiome.features.discretisation.GreyLevels;
import org.radiome.features.ngldm.Ngldm;
import org.radiome.features.ngldm.NgldmSettings;
import org.radiome.features.texture.TextureDimension;

/**
 * PyRadiomics's GLDM class ({@code radiomics/gldm.py}): IBSI's neighbouring grey level dependence matrix
 * ({@link Ngldm}) with coarseness α = {@code gldm_a}. PyRadiomics counts the dependent neighbours and uses
 * "neighbours + 1" as the dependence, IBSI counts the centre too: the same matrix. Its neighbourhood is every offset
 * of {@link Angles} for the {@code distances}; for distances 1…d that is IBSI's Chebyshev ball of radius d, the only
 * case supported (others are refused with a message naming the setting). With force2D the neighbourhood lies in the
 * plane and the slices share one matrix (IBSI 2.5D). Only the names differ ("dependence" for dependence count).
 * Stateless and thread-safe.
 */
final class DependenceFeatures {
    private DependenceFeatures() {}

    private static final Map<String, String> TAGS = new LinkedHashMap<>();
    static {
        TAGS.put("SmallDependenceEmphasis", "ngl_lde");
        TAGS.put("LargeDependenceEmphasis", "ngl_hde");
        TAGS.put("GrayLevelNonUniformity", "ngl_glnu");
        TAGS.put("GrayLevelNonUniformityNormalized", "ngl_glnu_norm");
        TAGS.put("DependenceNonUniformity", "ngl_dcnu");
        TAGS.put("DependenceNonUniformityNormalized", "ngl_dcnu_norm");
        TAGS.put("GrayLevelVariance", "ngl_gl_var");
        TAGS.put("DependenceVariance", "ngl_dc_var");
        TAGS.put("DependenceEntropy", "ngl_dc_entr");
        TAGS.put("LowGrayLevelEmphasis", "ngl_lgce");
        TAGS.put("HighGrayLevelEmphasis", "ngl_hgce");
        TAGS.put("SmallDependenceLowGrayLevelEmphasis", "ngl_ldlge");
        TAGS.put("SmallDependenceHighGrayLevelEmphasis", "ngl_ldhge");
        TAGS.put("LargeDependenceLowGrayLevelEmphasis", "ngl_hdlge");
        TAGS.put("LargeDependenceHighGrayLevelEmphasis", "ngl_hdhge");
    }

    static Map<String, Double> compute(GreyLevels g, PyRadiomicsSettings s) {
        int delta = ballRadius(s.distances(), "gldm");
        TextureDimension dimension = s.force2D() ? TextureDimension.TWO_AND_A_HALF_D : TextureDimension.THREE_D;
        FeatureSet ibsi = Ngldm.compute(g, new NgldmSettings(delta, s.gldmA(), Set.of(dimension)));
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : TAGS.entrySet()) out.put(e.getKey(), ibsi.get(e.getValue() + dimension.suffix()));
        return out;
    }

    /** The Chebyshev radius d when {@code distances} are 1…d; otherwise an error naming the class. */
    static int ballRadius(List<Integer> distances, String featureClass) {
        if (!Angles.isContiguousFromOne(distances)) {
            throw new IllegalArgumentException("distances " + distances + ": " + featureClass
                    + " supports only distances 1…d (a full neighbourhood), as in every PyRadiomics default");
        }
        return Angles.max(distances);
    }
}
