package org.radiome.features;

import java.util.Locale;

/** The IBSI-1 feature families, named by their tag prefix (the part before the first underscore). */
public enum Family {
    MORPHOLOGY("morph", "HCUG", "Morphology"),
    LOCAL_INTENSITY("loc", "9ST6", "Local intensity"),
    STATISTICS("stat", "UHIW", "Intensity-based statistics"),
    INTENSITY_HISTOGRAM("ih", "ZVCW", "Intensity histogram"),
    INTENSITY_VOLUME_HISTOGRAM("ivh", "P88C", "Intensity-volume histogram"),
    GLCM("cm", "LFYI", "Grey level co-occurrence matrix"),
    GLRLM("rlm", "TP0I", "Grey level run length matrix"),
    GLSZM("szm", "9SAK", "Grey level size zone matrix"),
    GLDZM("dzm", "VMDZ", "Grey level distance zone matrix"),
    NGTDM("ngt", "IPET", "Neighbourhood grey tone difference matrix"),
    NGLDM("ngl", "REK0", "Neighbouring grey level dependence matrix");

    private final String prefix;
    private final String ibsiCode;
    private final String title;

    Family(String prefix, String ibsiCode, String title) {
        this.prefix = prefix;
        this.ibsiCode = ibsiCode;
        this.title = title;
    }

    /** Tag prefix, e.g. {@code cm} for {@code cm_joint_max_3D_avg}. */
    public String prefix() { return prefix; }

    public String ibsiCode() { return ibsiCode; }

    public String title() { return title; }

    /** Finds a family by tag prefix (case-insensitive). */
    public static Family byPrefix(String prefix) {
        String p = prefix.trim().toLowerCase(Locale.ROOT);
        for (Family f : values()) {
            if (f.prefix.equals(p)) return f;
        }
        StringBuilder known = new StringBuilder();
        for (Family f : values()) known.append(known.length() == 0 ? "" : ", ").append(f.prefix);
        throw new IllegalArgumentException("unknown feature family '" + prefix + "'; known families: " + known);
    }
}
