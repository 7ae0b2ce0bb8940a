package org.radiome.features.ngldm;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.radiome.features.texture.TextureDimension;

/** Settings of the NGLDM family; {@code dimensions} selects the 2D, 2.5D and 3D variants to compute. */
public record NgldmSettings(int distance, int coarseness, Set<TextureDimension> dimensions) {
    public NgldmSettings {
        Objects.requireNonNull(dimensions, "dimensions");
        if (distance < 1) throw new IllegalArgumentException("ngldm distance must be >= 1, was " + distance);
        if (coarseness < 0) throw new IllegalArgumentException("ngldm coarseness must be >= 0, was " + coarseness);
        dimensions = Collections.unmodifiableSet(dimensions.isEmpty() ? EnumSet.noneOf(TextureDimension.class) : EnumSet.copyOf(dimensions));
    }
}
