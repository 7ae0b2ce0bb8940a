package org.radiome.features.glcm;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.radiome.features.texture.TextureDimension;

/** Settings of the GLCM family; {@code dimensions} selects the 2D, 2.5D and 3D variants to compute. */
public record GlcmSettings(int distance, boolean symmetric, Set<TextureDimension> dimensions) {
    public GlcmSettings {
        Objects.requireNonNull(dimensions, "dimensions");
        if (distance < 1) throw new IllegalArgumentException("glcm distance must be >= 1, was " + distance);
        dimensions = Collections.unmodifiableSet(dimensions.isEmpty() ? EnumSet.noneOf(TextureDimension.class) : EnumSet.copyOf(dimensions));
    }
}
