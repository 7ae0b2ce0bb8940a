package org.radiome.image.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.radiome.image.Grid;
import org.radiome.image.LabelMap;
import org.radiome.image.Volume;

/** Our NIfTI reader on the IBSI phantoms in data/ibsi-1 and data/ibsi-2. */
class IbsiPhantomTest {

    /**
     * IBSI-2 orientation phantom (data/ibsi-2/digital-phantom/nifti/orientation): 32×48×64 (x,y,z)
     * voxels whose intensity grows by one per voxel step along every axis, from 0 in the first voxel
     * to 141 = 31 + 47 + 63 in the most distal one (the checks MIRP's and KCL's orientation tests
     * make: dimensions, 0 at the origin voxel, 141 at the far corner). A reader that swaps or flips
     * axes breaks {@code value = x + y + z}. Its header has qform_code 1 with quaternion (0, 0, 1),
     * a 180° turn about z, i.e. RAS direction diag(−1, −1, 1), which is the identity in LPS; pixdim 2 mm.
     */
    @Test
    void orientation_phantom_has_the_specified_layout() throws Exception {
        Volume v = ImageFiles.readVolume(TestImages.data("ibsi-2/digital-phantom/nifti/orientation/image/orientation.nii.gz"));
        Grid g = v.grid();
        assertThat(new int[] {g.nx(), g.ny(), g.nz()}).containsExactly(32, 48, 64);
        assertThat(v.get(0, 0, 0)).isEqualTo(0f);
        assertThat(v.get(31, 47, 63)).isEqualTo(141f);
        int wrong = 0;
        for (int z = 0; z < g.nz(); z++) {
            for (int y = 0; y < g.ny(); y++) {
                for (int x = 0; x < g.nx(); x++) {
                    if (v.get(x, y, z) != x + y + z) wrong++;
                }
            }
        }
        assertThat(wrong).as("voxels whose value is not x + y + z").isZero();
        assertThat(g.spacing()).containsExactly(2, 2, 2);
        assertThat(g.direction()).containsExactly(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, within(1e-6));
    }

    /**
     * IBSI-1 digital phantom (IBSI manual, "Reference data sets"): 5×4×4 (x,y,z) voxels of 2.0 mm;
     * grey levels 1 to 6 in the ROI with 2 and 5 absent; the brief's 74 ROI voxels. The mean ROI
     * intensity must reproduce the reference value of stat_mean (3 significant figures).
     */
    @Test
    void ibsi1_digital_phantom_reads_with_its_documented_properties() throws Exception {
        Volume image = ImageFiles.readVolume(TestImages.data("ibsi-1/digital-phantom/nifti/image/phantom.nii.gz"));
        LabelMap mask = ImageFiles.readLabels(TestImages.data("ibsi-1/digital-phantom/nifti/mask/mask.nii.gz"));
        Grid g = image.grid();
        assertThat(new int[] {g.nx(), g.ny(), g.nz()}).containsExactly(5, 4, 4);
        assertThat(g.spacing()).containsExactly(2, 2, 2);
        // sform diag(−2, −2, 2) in RAS: the identity direction in LPS.
        assertThat(g.direction()).containsExactly(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, within(1e-9));
        assertThat(mask.grid().describeDifference(g)).isNull();
        assertThat(mask.presentLabels()).containsExactly(1);
        boolean[] roi = mask.nonZero().inside();
        assertThat(mask.nonZero().count()).isEqualTo(74);

        Set<Float> levels = new TreeSet<>();
        double sum = 0;
        for (int i = 0; i < roi.length; i++) {
            if (!roi[i]) continue;
            levels.add(image.voxels()[i]);
            sum += image.voxels()[i];
        }
        assertThat(levels).contains(1f, 6f).doesNotContain(2f, 5f);
        assertThat(levels).allSatisfy(l -> assertThat(l).isBetween(1f, 6f));
        double mean = sum / 74;
        double reference = referenceValue("stat_mean");
        assertThat(Double.parseDouble(String.format("%.3g", mean))).as("stat_mean, reference %s", reference).isEqualTo(reference);
    }

    private static double referenceValue(String tag) throws IOException {
        List<String> lines = Files.readAllLines(TestImages.data("ibsi-1/reference-values/ibsi_1_reference_values_digital_phantom.csv"));
        for (String line : lines) {
            String[] cells = line.split(",");
            if (cells.length > 5 && cells[3].equals(tag)) return Double.parseDouble(cells[5]);
        }
        throw new AssertionError("no reference row for " + tag);
    }
}
