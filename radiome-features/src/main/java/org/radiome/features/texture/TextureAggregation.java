package org.radiome.features.texture;

/** GLCM and GLRLM aggregation: features averaged over per-direction matrices, or computed from merged matrices. */
public enum TextureAggregation {
    /** 2D, features per direction and slice, averaged (IBSI BTW3). */
    AVERAGED_2D(TextureDimension.TWO_D, false, "_2D_avg", "BTW3"),
    /** 2D, direction matrices merged per slice, features averaged over slices (IBSI SUJT). */
    MERGED_2D(TextureDimension.TWO_D, true, "_2D_comb", "SUJT"),
    /** 2.5D, per direction merged over slices, features averaged over directions (IBSI JJUI). */
    AVERAGED_2_5D(TextureDimension.TWO_AND_A_HALF_D, false, "_2_5D_avg", "JJUI"),
    /** 2.5D, all slice and direction matrices merged (IBSI ZW7Z). */
    MERGED_2_5D(TextureDimension.TWO_AND_A_HALF_D, true, "_2_5D_comb", "ZW7Z"),
    /** 3D, features per direction, averaged (IBSI ITBB). */
    AVERAGED_3D(TextureDimension.THREE_D, false, "_3D_avg", "ITBB"),
    /** 3D, direction matrices merged (IBSI IAZD). */
    MERGED_3D(TextureDimension.THREE_D, true, "_3D_comb", "IAZD");

    private final TextureDimension dimension;
    private final boolean merged;
    private final String suffix;
    private final String ibsiCode;

    TextureAggregation(TextureDimension dimension, boolean merged, String suffix, String ibsiCode) {
        this.dimension = dimension;
        this.merged = merged;
        this.suffix = suffix;
        this.ibsiCode = ibsiCode;
    }

    public TextureDimension dimension() { return dimension; }

    public boolean merged() { return merged; }

    public String suffix() { return suffix; }

    public String ibsiCode() { return ibsiCode; }

    public static TextureAggregation of(TextureDimension dimension, boolean merged) {
        for (TextureAggregation a : values()) {
            if (a.dimension == dimension && a.merged == merged) return a;
        }
        throw new AssertionError();
    }
}
