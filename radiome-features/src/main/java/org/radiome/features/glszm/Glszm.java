package org.radiome.features.glszm;

import java.util.Objects;

import org.radiome.features.FeatureDefinition;
import org.radiome.features.FeatureSet;
import org.radiome.features.discretisation.GreyLevels;
import org.radiome.features.texture.LevelCountAggregation;
import org.radiome.features.texture.LevelCountFeature;
import org.radiome.features.texture.LevelCountMatrix;
import org.radiome.features.texture.TextureDimension;
import org.radiome.features.texture.ZoneLabeller;

/**
 * Grey level size zone matrix features (IBSI 9SAK, section "Grey level size zone based features").
 *
 * <p>A zone is a group of linked voxels of equal discretised grey level in the intensity mask, linked at
 * Chebyshev distance 1: 26-connectivity in 3D, 8-connectivity within an axial slice in 2D. Element
 * {@code s_ij} counts the zones of grey level {@code i} and size {@code j} voxels; N_v is the number of
 * intensity-mask voxels. Aggregation: 2D (8QNN) averages the features of the slices with ROI voxels,
 * 2.5D (62GR) sums the slice matrices and their N_v, 3D (KOBO) uses one volume matrix. Every non-empty
 * ROI has at least one zone, so every feature is defined.
 *
 * <p>Stateless and thread-safe.
 */
public final class Glszm {
    private Glszm() {}

    /** GLSZM features in the order of the IBSI reference tables. */
    public enum Feature implements FeatureDefinition {
        /** Small zone emphasis, {@code (1/N_s) Σ_j s_.j / j²}. */
        SZE("szm_sze", "5QRC", LevelCountFeature.SMALL_J_EMPHASIS),
        /** Large zone emphasis, {@code (1/N_s) Σ_j j² s_.j}. */
        LZE("szm_lze", "48P8", LevelCountFeature.LARGE_J_EMPHASIS),
        /** Low grey level zone emphasis, {@code (1/N_s) Σ_i s_i. / i²}. */
        LGZE("szm_lgze", "XMSY", LevelCountFeature.LOW_GREY_LEVEL_EMPHASIS),
        /** High grey level zone emphasis, {@code (1/N_s) Σ_i i² s_i.}. */
        HGZE("szm_hgze", "5GN9", LevelCountFeature.HIGH_GREY_LEVEL_EMPHASIS),
        /** Small zone low grey level emphasis, {@code (1/N_s) Σ s_ij / (i² j²)}. */
        SZLGE("szm_szlge", "5RAI", LevelCountFeature.SMALL_J_LOW_GREY_LEVEL_EMPHASIS),
        /** Small zone high grey level emphasis, {@code (1/N_s) Σ i² s_ij / j²}. */
        SZHGE("szm_szhge", "HW1V", LevelCountFeature.SMALL_J_HIGH_GREY_LEVEL_EMPHASIS),
        /** Large zone low grey level emphasis, {@code (1/N_s) Σ j² s_ij / i²}. */
        LZLGE("szm_lzlge", "YH51", LevelCountFeature.LARGE_J_LOW_GREY_LEVEL_EMPHASIS),
        /** Large zone high grey level emphasis, {@code (1/N_s) Σ i² j² s_ij}. */
        LZHGE("szm_lzhge", "J17V", LevelCountFeature.LARGE_J_HIGH_GREY_LEVEL_EMPHASIS),
        /** Grey level non-uniformity, {@code (1/N_s) Σ_i s_i.²}. */
        GLNU("szm_glnu", "JNSA", LevelCountFeature.GREY_LEVEL_NON_UNIFORMITY),
        /** Normalised grey level non-uniformity, {@code (1/N_s²) Σ_i s_i.²}. */
        GLNU_NORM("szm_glnu_norm", "Y1RO", LevelCountFeature.GREY_LEVEL_NON_UNIFORMITY_NORMALISED),
        /** Zone size non-uniformity, {@code (1/N_s) Σ_j s_.j²}. */
        ZSNU("szm_zsnu", "4JP3", LevelCountFeature.J_NON_UNIFORMITY),
        /** Normalised zone size non-uniformity, {@code (1/N_s²) Σ_j s_.j²}. */
        ZSNU_NORM("szm_zsnu_norm", "VB3A", LevelCountFeature.J_NON_UNIFORMITY_NORMALISED),
        /** Zone percentage, {@code N_s / N_v}. */
        Z_PERC("szm_z_perc", "P30P", LevelCountFeature.PERCENTAGE),
        /** Grey level variance, {@code Σ (i − μ)² p_ij}. */
        GL_VAR("szm_gl_var", "BYLV", LevelCountFeature.GREY_LEVEL_VARIANCE),
        /** Zone size variance, {@code Σ (j − μ)² p_ij}. */
        ZS_VAR("szm_zs_var", "3NSA", LevelCountFeature.J_VARIANCE),
        /** Zone size entropy, {@code −Σ p_ij log₂ p_ij}. */
        ZS_ENTR("szm_zs_entr", "GU8N", LevelCountFeature.ENTROPY);

        private final String tag;
        private final String ibsiCode;
        private final LevelCountFeature statistic;

        Feature(String tag, String ibsiCode, LevelCountFeature statistic) {
            this.tag = tag;
            this.ibsiCode = ibsiCode;
            this.statistic = statistic;
        }

        @Override
        public String tag() { return tag; }

        @Override
        public String ibsiCode() { return ibsiCode; }
    }

    /**
     * Extension point (PyRadiomics-compatible mode, matrix checks): the size zone matrix of {@code levels} in 3D or
     * 2.5D (the slices' matrices merged); 2D has one matrix per slice and is refused.
     */
    public static LevelCountMatrix matrix(GreyLevels levels, TextureDimension dimension) {
        Objects.requireNonNull(levels, "levels");
        ZoneLabeller labeller = new ZoneLabeller(levels);
        LevelCountMatrix.Builder builder = new LevelCountMatrix.Builder(levels.levelCount());
        switch (dimension) {
            case THREE_D -> labeller.addZones(0, levels.nz(), true, null, builder);
            case TWO_AND_A_HALF_D -> { for (int z = 0; z < levels.nz(); z++) labeller.addZones(z, z + 1, false, null, builder); }
            default -> throw new IllegalArgumentException("a 2D GLSZM is one matrix per slice");
        }
        return builder.build();
    }

    /**
     * The GLSZM features of {@code levels} for each dimension in {@code settings}, in the order 2D, 2.5D,
     * 3D, each in {@link Feature} order. Uses {@link GreyLevels#levelCount()} as N_g.
     */
    public static FeatureSet compute(GreyLevels levels, GlszmSettings settings) {
        Objects.requireNonNull(levels, "levels");
        Objects.requireNonNull(settings, "settings");
        FeatureSet out = new FeatureSet();
        ZoneLabeller labeller = new ZoneLabeller(levels);
        for (TextureDimension dimension : TextureDimension.values()) {
            if (!settings.dimensions().contains(dimension)) continue;
            double[] values = LevelCountAggregation.features(dimension, levels.levelCount(), levels.nz(),
                    (zFrom, zTo, threeD, matrix) -> labeller.addZones(zFrom, zTo, threeD, null, matrix));
            for (Feature f : Feature.values()) out.add(f, dimension, values[f.statistic.ordinal()]);
        }
        return out;
    }
}
