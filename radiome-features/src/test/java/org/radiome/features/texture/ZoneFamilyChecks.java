package org.radiome.features.texture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.radiome.features.FeatureDefinition;
import org.radiome.features.FeatureSet;
import org.radiome.features.IbsiReference;
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
    public static List<IbsiReference.Row> phantomRows(String prefix) {
        return IbsiReference.rows("digital_phantom", prefix);
    }

    /** Asserts {@code row.matches} the computed value, with tag, expected, actual and tolerance in the message. */
    public static void assertMatches(IbsiReference.Row row, FeatureSet features) {
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
                .map(IbsiReference.Row::tag).filter(t -> t.startsWith(prefix)).toList();
        assertThat(List.copyOf(features.entries().keySet())).containsExactlyElementsOf(reference);
    }

    /** Asserts that every (tag, code) of {@code features} is a (base_tag, ibsi_feature_id) of the identifier table. */
    public static void assertIbsiIdentifiers(FeatureDefinition[] features) {
        Map<String, String> codes = identifierCodes();
        for (FeatureDefinition f : features) {
            assertThat(codes).as("identifier table row for %s", f.tag()).containsKey(f.tag());
            assertThat(f.ibsiCode()).as("IBSI code of %s", f.tag()).isEqualTo(codes.get(f.tag()));
        }
    }

    /** base_tag → ibsi_feature_id of {@code ibsi_1_feature_identifiers.csv}. */
    public static Map<String, String> identifierCodes() {
        try {
            List<String> lines = Files.readAllLines(IbsiReference.data("ibsi-1/reference-values/ibsi_1_feature_identifiers.csv"));
            List<String> header = IbsiReference.splitCsv(lines.get(0));
            int tag = header.indexOf("base_tag");
            int code = header.indexOf("ibsi_feature_id");
            Map<String, String> codes = new HashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) continue;
                List<String> c = IbsiReference.splitCsv(line);
                codes.put(c.get(tag), c.get(code));
            }
            return codes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
