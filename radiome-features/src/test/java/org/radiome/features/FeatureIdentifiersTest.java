package org.radiome.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.radiome.features.compliance.ReferenceTable;

/**
 * Every feature carries the IBSI identifiers of the manual: checked against
 * {@code ibsi_1_feature_identifiers.csv} (built from theibsi/ibsi-doc 03_Image_features.rst).
 */
class FeatureIdentifiersTest {
    record Identifier(String baseTag, String familyCode, String featureCode, String aggregationCode) {}

    static Map<String, Identifier> byTag = new HashMap<>();

    @BeforeAll
    static void readIdentifiers() throws IOException {
        List<String> lines = Files.readAllLines(IbsiReference.data("ibsi-1/reference-values/ibsi_1_feature_identifiers.csv"));
        List<String> header = ReferenceTable.splitCsv(lines.get(0));
        int tag = header.indexOf("tag"), base = header.indexOf("base_tag"), fam = header.indexOf("ibsi_family_id"),
                feat = header.indexOf("ibsi_feature_id"), agg = header.indexOf("ibsi_aggregation_id");
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            List<String> c = ReferenceTable.splitCsv(line);
            byTag.put(c.get(tag), new Identifier(c.get(base), c.get(fam), c.get(feat), c.get(agg)));
        }
    }

    @Test
    void every_catalogued_feature_has_its_ibsi_tag_code_and_family() {
        Set<String> seen = new HashSet<>();
        for (FeatureCatalogue.Entry e : FeatureCatalogue.all()) {
            String tag = e.feature().tag();
            assertThat(seen.add(tag)).as("%s listed twice", tag).isTrue();
            assertThat(tag).startsWith(e.family().prefix() + "_");
            Identifier id = byTag.values().stream().filter(i -> i.baseTag().equals(tag)).findFirst().orElse(null);
            assertThat(id).as("identifier row for %s", tag).isNotNull();
            assertThat(e.feature().ibsiCode()).as("IBSI code of %s", tag).isEqualTo(id.featureCode());
            assertThat(e.family().ibsiCode()).as("IBSI family code of %s", tag).isEqualTo(id.familyCode());
        }
        // 169 standardised features; the 5 non-standardised ones (OMBB, MVEE, IVH AUC) are left out.
        assertThat(seen).hasSize(169);
    }

    @Test
    void every_computed_column_carries_its_feature_and_aggregation_code() {
        FeatureSet features = RoiFeatureExtractor.extract(DigitalPhantom.load(), DigitalPhantom.settings());
        assertThat(features.size()).isEqualTo(482);
        for (FeatureSet.Entry e : features.entries().values()) {
            Identifier id = byTag.get(e.tag());
            assertThat(id).as("identifier row for %s", e.tag()).isNotNull();
            assertThat(e.ibsiCode()).as("feature code of %s", e.tag()).isEqualTo(id.featureCode());
            assertThat(e.aggregationCode()).as("aggregation code of %s", e.tag()).isEqualTo(id.aggregationCode());
        }
    }
}
