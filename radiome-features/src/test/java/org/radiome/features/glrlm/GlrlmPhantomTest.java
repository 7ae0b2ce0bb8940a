package org.radiome.features.glrlm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.radiome.features.DigitalPhantom;
import org.radiome.features.FeatureSet;
import org.radiome.features.IbsiReference;
import org.radiome.features.compliance.ReferenceTable;
import org.radiome.features.discretisation.DiscretisationSettings;
import org.radiome.features.discretisation.Discretiser;
import org.radiome.features.discretisation.GreyLevels;
import org.radiome.features.texture.TextureDimension;

/** GLRLM on the IBSI-1 digital phantom (all aggregations) against the reference table. */
class GlrlmPhantomTest {
    private static final String PREFIX = "rlm_";
    private static final FeatureSet PHANTOM = compute();

    private static FeatureSet compute() {
        GreyLevels levels = Discretiser.discretise(DigitalPhantom.load(), DiscretisationSettings.none());
        return Glrlm.compute(levels, new GlrlmSettings(EnumSet.allOf(TextureDimension.class)));
    }

    static Stream<ReferenceTable.Row> referenceRows() {
        return IbsiReference.rows("digital_phantom", PREFIX).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceRows")
    void matches_the_ibsi_reference_value(ReferenceTable.Row row) {
        double actual = PHANTOM.get(row.tag());
        assertThat(row.matches(actual))
                .as("%s: expected %s, actual %s, tolerance %s", row.tag(), row.value(), actual, row.tolerance())
                .isTrue();
    }

    @Test
    void covers_all_96_reference_rows_in_reference_order() {
        List<String> referenceTags = IbsiReference.table("digital_phantom").stream()
                .map(ReferenceTable.Row::tag).filter(t -> t.startsWith(PREFIX)).toList();
        assertThat(referenceTags).hasSize(96);
        assertThat(new ArrayList<>(PHANTOM.entries().keySet())).containsExactlyElementsOf(referenceTags);
    }

    @Test
    void computes_only_the_requested_dimensions() {
        GreyLevels levels = Discretiser.discretise(DigitalPhantom.load(), DiscretisationSettings.none());
        FeatureSet threeD = Glrlm.compute(levels, new GlrlmSettings(EnumSet.of(TextureDimension.THREE_D)));
        assertThat(threeD.size()).isEqualTo(2 * Glrlm.Feature.values().length);
        assertThat(threeD.entries().keySet()).allMatch(t -> t.endsWith("_3D_avg") || t.endsWith("_3D_comb"));
        assertThat(Glrlm.compute(levels, new GlrlmSettings(EnumSet.noneOf(TextureDimension.class))).size()).isZero();
    }
}
