package org.radiome.features.morphology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.radiome.features.DigitalPhantom;
import org.radiome.features.FeatureSet;
import org.radiome.features.IbsiReference;
import org.radiome.features.compliance.ReferenceTable;

/** The IBSI-1 digital phantom's morphological reference values, and the feature identifiers. */
class MorphologyPhantomTest {
    private static FeatureSet features;

    @BeforeAll
    static void computeOnce() {
        features = Morphology.compute(DigitalPhantom.load());
    }

    static Stream<ReferenceTable.Row> referenceRows() {
        return IbsiReference.rows("digital_phantom", "morph_").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceRows")
    void digital_phantom_matches_reference_value(ReferenceTable.Row row) {
        double actual = features.get(row.tag());
        assertThat(row.matches(actual))
                .as("%s: expected %s ± %s, actual %s", row.tag(), row.value(), row.tolerance(), actual)
                .isTrue();
    }

    @Test
    void all_25_standardised_reference_values_are_checked() {
        // IBSI-1 lists 29 morphological features; 4 (OMBB and MVEE densities) are not standardised
        assertThat(referenceRows()).hasSize(25);
    }

    @Test
    void every_reference_tag_with_a_value_is_produced_and_nothing_else() {
        List<String> expected = referenceRows().map(ReferenceTable.Row::tag).toList();
        assertThat(features.entries().keySet()).containsExactlyElementsOf(expected);
    }
}
