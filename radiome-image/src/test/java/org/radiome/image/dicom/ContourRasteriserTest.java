package org.radiome.image.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.radiome.image.Grid;
import org.radiome.image.Mask;
import org.radiome.image.io.ImageReadException;

/**
 * The rasterisation rule on hand-countable contours: a 12×12×3 grid of 1 mm voxels at the origin
 * (voxel centres at integer mm), contours given in mm.
 */
class ContourRasteriserTest {
    static final Path FILE = Path.of("rs.dcm");
    static final Grid GRID = Grid.of(12, 12, 3, 1, 1, 1);

    /** An axis-aligned square contour at height z, from (x0, y0) to (x1, y1), without repeating its first point. */
    static double[] square(double x0, double y0, double x1, double y1, double z) {
        return new double[] {x0, y0, z, x1, y0, z, x1, y1, z, x0, y1, z};
    }

    static Mask raster(double[]... contours) throws ImageReadException {
        return ContourRasteriser.rasterise(FILE, "R", List.of(contours), GRID);
    }

    /** Square 0.5–9.5 mm holds centres 1…9: 9 × 9 = 81 voxels, all on slice z = 1. */
    @Test
    void voxel_centres_inside_the_polygon() throws Exception {
        Mask m = raster(square(0.5, 0.5, 9.5, 9.5, 1));
        assertThat(m.count()).isEqualTo(81);
        assertThat(m.inside()[GRID.index(1, 1, 1)]).isTrue();
        assertThat(m.inside()[GRID.index(9, 9, 1)]).isTrue();
        assertThat(m.inside()[GRID.index(0, 1, 1)]).isFalse();
        assertThat(m.inside()[GRID.index(1, 1, 0)]).isFalse();
    }

    /** Even–odd: a 2.5–5.5 square inside the 0.5–9.5 one is a hole of 3 × 3 centres (81 − 9 = 72); a third disjoint contour adds 1. */
    @Test
    void inner_contour_is_a_hole_and_disjoint_contours_add() throws Exception {
        Mask m = raster(square(0.5, 0.5, 9.5, 9.5, 1), square(2.5, 2.5, 5.5, 5.5, 1), square(10.5, 10.5, 11.5, 11.5, 1));
        assertThat(m.count()).isEqualTo(72 + 1);
        assertThat(m.inside()[GRID.index(4, 4, 1)]).isFalse();
        assertThat(m.inside()[GRID.index(11, 11, 1)]).isTrue();
    }

    /** A centre on the left edge (x = 1) is inside, on the right edge (x = 3) outside: centres x ∈ {1, 2} × y ∈ {1, 2}. */
    @Test
    void centres_on_the_boundary_follow_the_half_open_rule() throws Exception {
        Mask m = raster(square(1, 0.5, 3, 2.5, 0));
        assertThat(m.count()).isEqualTo(4);
        assertThat(m.inside()[GRID.index(1, 1, 0)]).isTrue();
        assertThat(m.inside()[GRID.index(3, 1, 0)]).isFalse();
    }

    /** A plane 0.4 mm off slice 1 belongs to it; 0.5 mm beyond the last slice centre (z = 2.5) still to the last. */
    @Test
    void contour_plane_within_half_a_slice_belongs_to_the_nearest_slice() throws Exception {
        assertThat(raster(square(0.5, 0.5, 2.5, 2.5, 1.4)).inside()[GRID.index(1, 1, 1)]).isTrue();
        assertThat(raster(square(0.5, 0.5, 2.5, 2.5, 2.5)).inside()[GRID.index(1, 1, 2)]).isTrue();
    }

    @Test
    void contour_beyond_the_image_is_an_error() {
        assertThatThrownBy(() -> raster(square(0.5, 0.5, 2.5, 2.5, -0.6))).isInstanceOf(ImageReadException.class)
                .hasMessageContaining("rs.dcm").hasMessageContaining("ROI 'R', contour 1").hasMessageContaining("half a slice spacing");
    }

    @Test
    void contour_not_parallel_to_the_slices_is_an_error() {
        double[] tilted = {0.5, 0.5, 0, 5, 0.5, 0, 5, 5, 2, 0.5, 5, 2};
        assertThatThrownBy(() -> raster(tilted)).hasMessageContaining("not in a plane parallel to the image slices");
    }
}
