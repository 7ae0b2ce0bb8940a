package org.radiome.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.radiome.features.discretisation.DiscretisationSettings;
import org.radiome.features.discretisation.Discretiser;
import org.radiome.features.discretisation.GreyLevels;

class DiscretisationPhantomTest {
    @Test
    void phantom_has_74_roi_voxels_and_levels_1_to_6() {
        RoiImage roi = DigitalPhantom.load();
        assertThat(roi.roiIntensities()).hasSize(74); // IBSI manual: 74 voxels in the ROI
        GreyLevels g = Discretiser.discretise(roi, DiscretisationSettings.none());
        assertThat(g.levelCount()).isEqualTo(6);
        // fixed bin number 6 leaves the phantom unchanged (IBSI reference data set description)
        GreyLevels fbn = Discretiser.discretise(roi, DiscretisationSettings.fixedBinNumber(6));
        assertThat(fbn.levels()).containsExactly(g.levels());
    }
}
