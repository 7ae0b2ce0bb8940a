package org.radiome.features.glrlm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.radiome.features.DigitalPhantom;
import org.radiome.features.FeatureSet;
import org.radiome.features.discretisation.DiscretisationSettings;
import org.radiome.features.discretisation.Discretiser;
import org.radiome.features.discretisation.GreyLevels;
import org.radiome.features.texture.TextureDimension;

/** Aggregation selection on the IBSI-1 digital phantom (reference values: DigitalPhantomReferenceTest). */
class GlrlmPhantomTest {
    @Test
    void computes_only_the_requested_dimensions() {
        GreyLevels levels = Discretiser.discretise(DigitalPhantom.load(), DiscretisationSettings.none());
        FeatureSet threeD = Glrlm.compute(levels, new GlrlmSettings(EnumSet.of(TextureDimension.THREE_D)));
        assertThat(threeD.size()).isEqualTo(2 * Glrlm.Feature.values().length);
        assertThat(threeD.entries().keySet()).allMatch(t -> t.endsWith("_3D_avg") || t.endsWith("_3D_comb"));
        assertThat(Glrlm.compute(levels, new GlrlmSettings(EnumSet.noneOf(TextureDimension.class))).size()).isZero();
    }
}
