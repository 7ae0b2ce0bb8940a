package org.radiome.features.gldzm;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.radiome.features.DigitalPhantom;
import org.radiome.features.FeatureSet;
import org.radiome.features.IbsiReference;
import org.radiome.features.RoiImage;
import org.radiome.features.compliance.ReferenceTable;
import org.radiome.features.discretisation.DiscretisationSettings;
import org.radiome.features.discretisation.Discretiser;
import org.radiome.features.texture.TextureDimension;
import org.radiome.features.texture.ZoneFamilyChecks;

class GldzmPhantomTest {
    private static final RoiImage PHANTOM = DigitalPhantom.load();
    private static final FeatureSet FEATURES = Gldzm.compute(Discretiser.discretise(PHANTOM, DiscretisationSettings.none()),
            PHANTOM, new GldzmSettings(EnumSet.allOf(TextureDimension.class)));

    static List<ReferenceTable.Row> references() { return ZoneFamilyChecks.phantomRows("dzm_"); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("references")
    void matches_the_ibsi_reference_value(ReferenceTable.Row row) {
        ZoneFamilyChecks.assertMatches(row, FEATURES);
    }

    @Test
    void produces_every_reference_feature_in_table_order() {
        ZoneFamilyChecks.assertProducesReferenceTagsInOrder("dzm_", FEATURES);
    }
}
