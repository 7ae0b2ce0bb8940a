package org.radiome.features.glszm;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.radiome.features.FeatureSet;
import org.radiome.features.IbsiReference;
import org.radiome.features.compliance.ReferenceTable;
import org.radiome.features.texture.TextureDimension;
import org.radiome.features.texture.ZoneFamilyChecks;

class GlszmPhantomTest {
    private static final FeatureSet FEATURES = Glszm.compute(ZoneFamilyChecks.phantomLevels(),
            new GlszmSettings(EnumSet.allOf(TextureDimension.class)));

    static List<ReferenceTable.Row> references() { return ZoneFamilyChecks.phantomRows("szm_"); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("references")
    void matches_the_ibsi_reference_value(ReferenceTable.Row row) {
        ZoneFamilyChecks.assertMatches(row, FEATURES);
    }

    @Test
    void produces_every_reference_feature_in_table_order() {
        ZoneFamilyChecks.assertProducesReferenceTagsInOrder("szm_", FEATURES);
    }
}
