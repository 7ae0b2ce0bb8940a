package org.radiome.features.glszm;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.radiome.features.texture.TextureDimension;

/** Settings of the GLSZM family; {@code dimensions} selects the 2D, 2.5D and 3D variants to compute. */
public record GlszmSettings(Set<TextureDimension> dimensions) {
    public GlszmSettings {
        Objects.requireNonNull(dimensions, "dimensions");
        dimensions = Collections.unmodifiableSet(dimensions.isEmpty() ? EnumSet.noneOf(TextureDimension.class) : EnumSet.copyOf(dimensions));
    }
}
