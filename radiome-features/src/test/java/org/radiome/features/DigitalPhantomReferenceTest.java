package org.radiome.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.radiome.features.compliance.ReferenceTable;
import org.radiome.features.discretisation.Discretiser;
import org.radiome.features.discretisation.GreyLevels;

/**
 * Every family, computed on its own, on the IBSI-1 digital phantom with the manual's reference settings,
 * against the 482 published reference values (IBSI 1 workbook, digital phantom sheet) under the
 * workbook's tolerance rule; and each family yields exactly the reference table's tags, in its order.
 */
class DigitalPhantomReferenceTest {
    static final Map<Family, FeatureSet> BY_FAMILY = new EnumMap<>(Family.class);

    @BeforeAll
    static void computeEachFamily() {
        RoiImage roi = DigitalPhantom.load();
        ExtractionSettings settings = DigitalPhantom.settings();
        GreyLevels levels = Discretiser.discretise(roi, settings.discretisation());
        for (Family f : Family.values()) BY_FAMILY.put(f, RoiFeatureExtractor.compute(f, roi, levels, settings));
    }

    static Stream<ReferenceTable.Row> referenceValues() {
        return IbsiReference.table("digital_phantom").stream().filter(r -> r.value() != null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceValues")
    void reproduces_the_reference_value(ReferenceTable.Row row) {
        Family family = Family.byPrefix(row.tag().substring(0, row.tag().indexOf('_')));
        FeatureSet features = BY_FAMILY.get(family);
        assertThat(features.contains(row.tag())).as("%s computed", row.tag()).isTrue();
        double actual = features.get(row.tag());
        assertThat(row.matches(actual))
                .as("%s: expected %s ± %s, actual %s (difference truncated to 3 significant digits: %s)", row.tag(), row.value(),
                        row.tolerance(), actual, row.truncatedDifference(Math.abs(actual - row.value())))
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void each_family_yields_exactly_the_reference_tags_in_table_order(Family family) {
        List<String> expected = referenceValues().map(ReferenceTable.Row::tag)
                .filter(t -> t.startsWith(family.prefix() + "_")).toList();
        assertThat(expected).isNotEmpty();
        assertThat(List.copyOf(BY_FAMILY.get(family).entries().keySet())).containsExactlyElementsOf(expected);
    }
}
