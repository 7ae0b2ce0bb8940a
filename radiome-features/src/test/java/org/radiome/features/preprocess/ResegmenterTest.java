package org.radiome.features.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.radiome.image.Grid;
import org.radiome.image.Mask;
import org.radiome.image.Volume;

class ResegmenterTest {
    static final Grid LINE = Grid.of(20, 1, 1, 1, 1, 1);

    /** Nineteen voxels of 0 and one of 100, all in the ROI, except the first voxel. */
    static Volume image() {
        float[] v = new float[20];
        v[19] = 100;
        return new Volume(LINE, v);
    }

    static Mask all() {
        boolean[] in = new boolean[20];
        java.util.Arrays.fill(in, true);
        return new Mask(LINE, in);
    }

    @Test
    void range_keeps_intensities_inside_the_closed_interval() {
        Mask m = Resegmenter.intensityMask(image(), all(), new ResegmentationSettings(0.0, 99.0, null));
        assertThat(m.count()).isEqualTo(19);
        assertThat(m.inside()[19]).isFalse();
        assertThat(Resegmenter.intensityMask(image(), all(), new ResegmentationSettings(0.0, 100.0, null)).count()).isEqualTo(20);
        assertThat(Resegmenter.intensityMask(image(), all(), new ResegmentationSettings(1.0, null, null)).count()).isEqualTo(1);
    }

    @Test
    void outliers_beyond_three_sigma_are_removed() {
        // mean 100/20 = 5, population variance (19 * 25 + 95^2) / 20 = 475, sigma = 21.79;
        // mean + 3 sigma = 70.4 excludes the 100, mean - 3 sigma = -60.4 keeps the zeros
        double[] range = Resegmenter.range(image(), all(), new ResegmentationSettings(null, null, 3.0));
        assertThat(range[0]).isCloseTo(5 - 3 * Math.sqrt(475), within(1e-9));
        assertThat(range[1]).isCloseTo(5 + 3 * Math.sqrt(475), within(1e-9));
        Mask m = Resegmenter.intensityMask(image(), all(), new ResegmentationSettings(null, null, 3.0));
        assertThat(m.count()).isEqualTo(19);
        // with 5 sigma (114) the 100 stays
        assertThat(Resegmenter.intensityMask(image(), all(), new ResegmentationSettings(null, null, 5.0)).count()).isEqualTo(20);
    }

    @Test
    void range_and_outliers_combine_as_the_intersection_of_their_ranges() {
        // sigma statistics come from the whole ROI (before the range): [-60.4, 70.4] ∩ [-10, 50]
        double[] range = Resegmenter.range(image(), all(), new ResegmentationSettings(-10.0, 50.0, 3.0));
        assertThat(range).containsExactly(-10.0, 50.0);
        double[] wide = Resegmenter.range(image(), all(), new ResegmentationSettings(-100.0, 1000.0, 3.0));
        assertThat(wide[1]).isCloseTo(5 + 3 * Math.sqrt(475), within(1e-9));
    }

    @Test
    void only_roi_voxels_count_and_the_roi_is_never_enlarged() {
        boolean[] in = new boolean[20];
        in[19] = true;
        in[3] = true;
        Mask roi = new Mask(LINE, in);
        Mask m = Resegmenter.intensityMask(image(), roi, new ResegmentationSettings(-1000.0, 1000.0, null));
        assertThat(m.inside()).containsExactly(in);
        // mean 50, sigma 50: [50 - 150, 50 + 150] keeps both
        assertThat(Resegmenter.intensityMask(image(), roi, new ResegmentationSettings(null, null, 3.0)).count()).isEqualTo(2);
    }

    @Test
    void no_resegmentation_returns_the_roi() {
        Mask roi = all();
        assertThat(Resegmenter.intensityMask(image(), roi, ResegmentationSettings.none())).isSameAs(roi);
    }
}
