package org.radiome.features.gldzm;

import java.util.Objects;

import org.radiome.features.FeatureDefinition;
import org.radiome.features.FeatureSet;
import org.radiome.features.RoiImage;
import org.radiome.features.discretisation.GreyLevels;
import org.radiome.features.texture.LevelCountAggregation;
import org.radiome.features.texture.LevelCountFeature;
import org.radiome.features.texture.TextureDimension;
import org.radiome.features.texture.ZoneLabeller;

/**
 * Grey level distance zone matrix features (IBSI VMDZ, section "Grey level distance zone based
 * features").
 *
 * <p>Zones are those of the GLSZM: linked voxels of equal grey level in the <em>intensity</em> mask,
 * 26-connected in 3D, 8-connected within an axial slice in 2D. The distance of a zone is the minimum,
 * over its voxels, of the distance map computed on the <em>morphological</em> mask: the Manhattan
 * distance to the ROI edge in 6-connectivity (3D) or 4-connectivity within the slice (2D), a voxel on the
 * edge having distance 1 (see {@link EdgeDistance}). Element {@code d_ij} counts the zones of grey level
 * {@code i} at distance {@code j}; N_v is the number of intensity-mask voxels. Aggregation: 2D (8QNN)
 * averages the features of the slices with ROI voxels, 2.5D (62GR) sums the slice matrices (from 2D
 * distance maps) and their N_v, 3D (KOBO) uses one volume matrix. Every non-empty ROI has at least one
 * zone, so every feature is defined.
 *
 * <p>Stateless and thread-safe.
 */
public final class Gldzm {
    private Gldzm() {}

    /** GLDZM features in the order of the IBSI reference tables. */
    public enum Feature implements FeatureDefinition {
        /** Small distance emphasis, {@code (1/N_s) Σ_j d_.j / j²}. */
        SDE("dzm_sde", "0GBI", LevelCountFeature.SMALL_J_EMPHASIS),
        /** Large distance emphasis, {@code (1/N_s) Σ_j j² d_.j}. */
        LDE("dzm_lde", "MB4I", LevelCountFeature.LARGE_J_EMPHASIS),
        /** Low grey level zone emphasis, {@code (1/N_s) Σ_i d_i. / i²}. */
        LGZE("dzm_lgze", "S1RA", LevelCountFeature.LOW_GREY_LEVEL_EMPHASIS),
        /** High grey level zone emphasis, {@code (1/N_s) Σ_i i² d_i.}. */
        HGZE("dzm_hgze", "K26C", LevelCountFeature.HIGH_GREY_LEVEL_EMPHASIS),
        /** Small distance low grey level emphasis, {@code (1/N_s) Σ d_ij / (i² j²)}. */
        SDLGE("dzm_sdlge", "RUVG", LevelCountFeature.SMALL_J_LOW_GREY_LEVEL_EMPHASIS),
        /** Small distance high grey level emphasis, {@code (1/N_s) Σ i² d_ij / j²}. */
        SDHGE("dzm_sdhge", "DKNJ", LevelCountFeature.SMALL_J_HIGH_GREY_LEVEL_EMPHASIS),
        /** Large distance low grey level emphasis, {@code (1/N_s) Σ j² d_ij / i²}. */
        LDLGE("dzm_ldlge", "A7WM", LevelCountFeature.LARGE_J_LOW_GREY_LEVEL_EMPHASIS),
        /** Large distance high grey level emphasis, {@code (1/N_s) Σ i² j² d_ij}. */
        LDHGE("dzm_ldhge", "KLTH", LevelCountFeature.LARGE_J_HIGH_GREY_LEVEL_EMPHASIS),
        /** Grey level non-uniformity, {@code (1/N_s) Σ_i d_i.²}. */
        GLNU("dzm_glnu", "VFT7", LevelCountFeature.GREY_LEVEL_NON_UNIFORMITY),
        /** Normalised grey level non-uniformity, {@code (1/N_s²) Σ_i d_i.²}. */
        GLNU_NORM("dzm_glnu_norm", "7HP3", LevelCountFeature.GREY_LEVEL_NON_UNIFORMITY_NORMALISED),
        /** Zone distance non-uniformity, {@code (1/N_s) Σ_j d_.j²}. */
        ZDNU("dzm_zdnu", "V294", LevelCountFeature.J_NON_UNIFORMITY),
        /** Normalised zone distance non-uniformity, {@code (1/N_s²) Σ_j d_.j²}. */
        ZDNU_NORM("dzm_zdnu_norm", "IATH", LevelCountFeature.J_NON_UNIFORMITY_NORMALISED),
        /** Zone percentage, {@code N_s / N_v}. */
        Z_PERC("dzm_z_perc", "VIWW", LevelCountFeature.PERCENTAGE),
        /** Grey level variance, {@code Σ (i − μ)² p_ij}. */
        GL_VAR("dzm_gl_var", "QK93", LevelCountFeature.GREY_LEVEL_VARIANCE),
        /** Zone distance variance, {@code Σ (j − μ)² p_ij}. */
        ZD_VAR("dzm_zd_var", "7WT1", LevelCountFeature.J_VARIANCE),
        /** Zone distance entropy, {@code −Σ p_ij log₂ p_ij}. */
        ZD_ENTR("dzm_zd_entr", "GBDU", LevelCountFeature.ENTROPY);

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
     * The GLDZM features for each dimension in {@code settings}, in the order 2D, 2.5D, 3D, each in
     * {@link Feature} order. Uses {@link GreyLevels#levelCount()} as N_g.
     *
     * @param levels the discretised intensity mask (zones)
     * @param roi    the ROI {@code levels} was discretised from (its morphological mask gives distances)
     * @throws IllegalArgumentException if {@code levels} and {@code roi} cover different boxes
     */
    public static FeatureSet compute(GreyLevels levels, RoiImage roi, GldzmSettings settings) {
        Objects.requireNonNull(levels, "levels");
        Objects.requireNonNull(roi, "roi");
        Objects.requireNonNull(settings, "settings");
        if (levels.nx() != roi.nx() || levels.ny() != roi.ny() || levels.nz() != roi.nz()) {
            throw new IllegalArgumentException("grey levels " + levels.nx() + "x" + levels.ny() + "x" + levels.nz()
                    + " do not cover the ROI box " + roi.nx() + "x" + roi.ny() + "x" + roi.nz());
        }
        FeatureSet out = new FeatureSet();
        ZoneLabeller labeller = new ZoneLabeller(levels);
        int[] sliceDistances = null;
        for (TextureDimension dimension : TextureDimension.values()) {
            if (!settings.dimensions().contains(dimension)) continue;
            int[] distances;
            if (dimension == TextureDimension.THREE_D) {
                distances = EdgeDistance.compute(roi.morphologicalMask(), roi.nx(), roi.ny(), roi.nz(), true);
            } else {
                if (sliceDistances == null) {
                    sliceDistances = EdgeDistance.compute(roi.morphologicalMask(), roi.nx(), roi.ny(), roi.nz(), false);
                }
                distances = sliceDistances;
            }
            double[] values = LevelCountAggregation.features(dimension, levels.levelCount(), levels.nz(),
                    (zFrom, zTo, threeD, matrix) -> labeller.addZones(zFrom, zTo, threeD, distances, matrix));
            for (Feature f : Feature.values()) out.add(f, dimension, values[f.statistic.ordinal()]);
        }
        return out;
    }
}
