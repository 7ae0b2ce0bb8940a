package org.radiome.features.ivh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.radiome.features.DigitalPhantom;
import org.radiome.features.FeatureSet;
import org.radiome.features.IbsiReference;
import org.radiome.features.RoiImage;
import org.radiome.features.compliance.ReferenceTable;

/** {@link IntensityVolumeHistogram} on the IBSI digital phantom against the IBSI-1 reference values. */
class IntensityVolumeHistogramPhantomTest {
    private static FeatureSet features;

    @BeforeAll
    static void compute() {
        RoiImage roi = DigitalPhantom.load();
        features = IntensityVolumeHistogram.compute(roi, IvhSettings.discrete(1.0, 6.0));
    }

    static List<ReferenceTable.Row> reference() {
        return IbsiReference.rows("digital_phantom", "ivh_");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reference")
    void matches_the_reference_value(ReferenceTable.Row row) {
        double actual = features.get(row.tag());
        assertThat(row.matches(actual))
                .as("%s: expected %s, actual %s, tolerance %s", row.tag(), row.value(), actual, row.tolerance())
                .isTrue();
    }

    @Test
    void produces_every_reference_feature_in_table_order() {
        List<String> tags = reference().stream().map(ReferenceTable.Row::tag).toList();
        assertThat(features.entries().keySet()).containsExactlyElementsOf(tags);
    }
}
