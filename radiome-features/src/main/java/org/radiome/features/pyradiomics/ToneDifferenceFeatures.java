package org.radiome.features.pyradiomics;

import java.util.LinkedHashMap;
import java.util.Map;

import org.radiome.features.discretisation.GreyLevels;
import org.radiome.features.ngtdm.Ngtdm;
import org.radiome.features.texture.TextureDimension;

/**
 * PyRadiomics's NGTDM class ({@code radiomics/ngtdm.py}): the IBSI NGTDM family ({@link Ngtdm}) with
 * {@link Ngtdm.Deviations#PYRADIOMICS}: voxels without ROI neighbours still count in {@code n_i}, coarseness is not
 * capped at 10⁶, and busyness is 0 when its denominator is. Neighbourhoods as in {@link DependenceFeatures}.
 * Stateless and thread-safe.
 */
final class ToneDifferenceFeatures {
    private ToneDifferenceFeatures() {}

    static Map<String, Double> compute(GreyLevels g, PyRadiomicsSettings s) {
        int delta = DependenceFeatures.ballRadius(s.distances(), "ngtdm");
        TextureDimension dimension = s.force2D() ? TextureDimension.TWO_AND_A_HALF_D : TextureDimension.THREE_D;
        double[] v = Ngtdm.features(g, dimension, delta, Ngtdm.Deviations.PYRADIOMICS);
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("Coarseness", v[Ngtdm.Feature.COARSENESS.ordinal()]);
        out.put("Contrast", v[Ngtdm.Feature.CONTRAST.ordinal()]);
        out.put("Busyness", v[Ngtdm.Feature.BUSYNESS.ordinal()]);
        out.put("Complexity", v[Ngtdm.Feature.COMPLEXITY.ordinal()]);
        out.put("Strength", v[Ngtdm.Feature.STRENGTH.ordinal()]);
        return out;
    }
}
