package org.radiome.features.texture;

import java.util.Locale;

/**
 * The dimensionality in which texture matrices are computed (IBSI "feature aggregation").
 * GLSZM, GLDZM, NGTDM and NGLDM have one variant per dimension; GLCM and GLRLM have an averaged and
 * a merged variant per dimension ({@link TextureAggregation}).
 */
public enum TextureDimension {
    /** Per slice, features averaged over slices (IBSI 8QNN). */
    TWO_D("2D", "_2D", "8QNN"),
    /** Per-slice matrices merged into one (IBSI 62GR). */
    TWO_AND_A_HALF_D("2.5D", "_2_5D", "62GR"),
    /** The whole volume (IBSI KOBO). */
    THREE_D("3D", "_3D", "KOBO");

    private final String label;
    private final String suffix;
    private final String ibsiCode;

    TextureDimension(String label, String suffix, String ibsiCode) {
        this.label = label;
        this.suffix = suffix;
        this.ibsiCode = ibsiCode;
    }

    /** As written in settings files: {@code 2D}, {@code 2.5D}, {@code 3D}. */
    public String label() { return label; }

    public String suffix() { return suffix; }

    public String ibsiCode() { return ibsiCode; }

    /** Parses {@code 2D}, {@code 2.5D} or {@code 3D} (case-insensitive). */
    public static TextureDimension parse(String text) {
        for (TextureDimension d : values()) {
            if (d.label.equalsIgnoreCase(text.trim())) return d;
        }
        throw new IllegalArgumentException("unknown texture dimension '" + text + "', expected 2D, 2.5D or 3D");
    }

    @Override
    public String toString() { return label.toUpperCase(Locale.ROOT); }
}
