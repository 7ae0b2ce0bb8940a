package org.radiome.features.morphology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.radiome.features.DigitalPhantom;
import org.radiome.features.FeatureSet;
import org.radiome.features.IbsiReference;

/** The IBSI-1 digital phantom's morphological reference values, and the feature identifiers. */
class MorphologyPhantomTest {
    private static FeatureSet features;

    @BeforeAll
    static void computeOnce() {
        features = Morphology.compute(DigitalPhantom.load());
    }

    static Stream<IbsiReference.Row> referenceRows() {
        return IbsiReference.rows("digital_phantom", "morph_").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceRows")
    void digital_phantom_matches_reference_value(IbsiReference.Row row) {
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
        List<String> expected = referenceRows().map(IbsiReference.Row::tag).toList();
        assertThat(features.entries().keySet()).containsExactlyElementsOf(expected);
    }

    @Test
    void every_feature_tag_and_code_is_an_ibsi_identifier() throws IOException {
        List<String> lines = Files.readAllLines(IbsiReference.data("ibsi-1/reference-values/ibsi_1_feature_identifiers.csv"));
        List<String> header = IbsiReference.splitCsv(lines.get(0));
        int tagColumn = header.indexOf("base_tag"), codeColumn = header.indexOf("ibsi_feature_id");
        List<String> pairs = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            List<String> c = IbsiReference.splitCsv(line);
            pairs.add(c.get(tagColumn) + "," + c.get(codeColumn));
        }
        for (Morphology.Feature f : Morphology.Feature.values()) {
            assertThat(pairs).as("(tag, code) of %s", f).contains(f.tag() + "," + f.ibsiCode());
        }
        assertThat(features.entries().values()).allSatisfy(e -> assertThat(e.aggregationCode()).isEqualTo("DHQ4"));
    }
}
