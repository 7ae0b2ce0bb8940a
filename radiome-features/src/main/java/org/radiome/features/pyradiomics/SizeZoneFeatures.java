package org.radiome.features.pyradiomics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.radiome.features.FeatureSet;
import org.radiome.features.discretisation.GreyLevels;
import org.radiome.features.glszm.Glszm;
import org.radiome.features.glszm.GlszmSettings;
import org.radiome.features.texture.TextureDimension;

/**
 * PyRadiomics's GLSZM class ({@code radiomics/glszm.py}): the same matrix and formulas as the IBSI GLSZM family
 * ({@link Glszm}), computed in 3D (26-connected zones) or, with force2D, as IBSI's 2.5D (8-connected zones within
 * each plane, one matrix for all planes). Only the names differ ("area" for zone size). PyRadiomics's ε inside the
 * entropy's logarithm changes it by less than 10⁻¹³. Stateless and thread-safe.
 */
final class SizeZoneFeatures {
    private SizeZoneFeatures() {}

    private static final Map<String, String> TAGS = new LinkedHashMap<>();
    static {
        TAGS.put("SmallAreaEmphasis", "szm_sze");
        TAGS.put("LargeAreaEmphasis", "szm_lze");
        TAGS.put("GrayLevelNonUniformity", "szm_glnu");
        TAGS.put("GrayLevelNonUniformityNormalized", "szm_glnu_norm");
        TAGS.put("SizeZoneNonUniformity", "szm_zsnu");
        TAGS.put("SizeZoneNonUniformityNormalized", "szm_zsnu_norm");
        TAGS.put("ZonePercentage", "szm_z_perc");
        TAGS.put("GrayLevelVariance", "szm_gl_var");
        TAGS.put("ZoneVariance", "szm_zs_var");
        TAGS.put("ZoneEntropy", "szm_zs_entr");
        TAGS.put("LowGrayLevelZoneEmphasis", "szm_lgze");
        TAGS.put("HighGrayLevelZoneEmphasis", "szm_hgze");
        TAGS.put("SmallAreaLowGrayLevelEmphasis", "szm_szlge");
        TAGS.put("SmallAreaHighGrayLevelEmphasis", "szm_szhge");
        TAGS.put("LargeAreaLowGrayLevelEmphasis", "szm_lzlge");
        TAGS.put("LargeAreaHighGrayLevelEmphasis", "szm_lzhge");
    }

    static Map<String, Double> compute(GreyLevels g, boolean force2D) {
        TextureDimension dimension = force2D ? TextureDimension.TWO_AND_A_HALF_D : TextureDimension.THREE_D;
        FeatureSet ibsi = Glszm.compute(g, new GlszmSettings(Set.of(dimension)));
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : TAGS.entrySet()) out.put(e.getKey(), ibsi.get(e.getValue() + dimension.suffix()));
        return out;
    }
}
