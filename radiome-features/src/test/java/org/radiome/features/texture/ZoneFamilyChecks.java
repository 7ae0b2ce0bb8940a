package org.radiome.features.texture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.radiome.features.FeatureSet;
import org.radiome.features.IbsiReference;
import org.radiome.features.compliance.ReferenceTable;
import org.radiome.features.discretisation.DiscretisationSettings;
import org.radiome.features.discretisation.Discretiser;
import org.radiome.features.discretisation.GreyLevels;

/**
 * Checks shared by the GLSZM, GLDZM, NGTDM and NGLDM tests against the IBSI digital phantom. Test
 * support only.
 */
public final class ZoneFamilyChecks {
    private ZoneFamilyChecks() {}

    /** The digital phantom's grey levels: no discretisation (the phantom is already discrete). */
    public static GreyLevels phantomLevels() {
        return Discretiser.discretise(org.radiome.features.DigitalPhantom.load(), DiscretisationSettings.none());
    }

    /** Reference rows of the digital phantom with tags starting with {@code prefix} and a value. */
    public static List<ReferenceTable.Row> phantomRows(String prefix) {
        return IbsiReference.rows("digital_phantom", prefix);
    }

    /** Asserts {@code row.matches} the computed value, with tag, expected, actual and tolerance in the message. */
    public static void assertMatches(ReferenceTable.Row row, FeatureSet features) {
        assertThat(features.contains(row.tag())).as("feature %s is computed", row.tag()).isTrue();
        double actual = features.get(row.tag());
        assertThat(row.matches(actual))
                .as("%s: expected %s, actual %s, tolerance %s (difference truncated to 3 significant digits: %s)",
                        row.tag(), row.value(), actual, row.tolerance(), row.truncatedDifference(Math.abs(actual - row.value())))
                .isTrue();
    }

    /** Asserts that the feature set holds exactly the phantom table's {@code prefix} tags, in the table's order. */
    public static void assertProducesReferenceTagsInOrder(String prefix, FeatureSet features) {
        List<String> reference = IbsiReference.table("digital_phantom").stream()
                .map(ReferenceTable.Row::tag).filter(t -> t.startsWith(prefix)).toList();
        assertThat(List.copyOf(features.entries().keySet())).containsExactlyElementsOf(reference);
    }
}
