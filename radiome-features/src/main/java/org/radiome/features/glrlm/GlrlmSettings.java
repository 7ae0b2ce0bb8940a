package org.radiome.features.glrlm;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.radiome.features.texture.TextureDimension;

/** Settings of the GLRLM family; {@code dimensions} selects the 2D, 2.5D and 3D variants to compute. */
public record GlrlmSettings(Set<TextureDimension> dimensions) {
    public GlrlmSettings {
        Objects.requireNonNull(dimensions, "dimensions");
        dimensions = Collections.unmodifiableSet(dimensions.isEmpty() ? EnumSet.noneOf(TextureDimension.class) : EnumSet.copyOf(dimensions));
    }
}
