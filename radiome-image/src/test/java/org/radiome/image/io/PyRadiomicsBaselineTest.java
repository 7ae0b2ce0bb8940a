package org.radiome.image.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.radiome.image.Grid;
import org.radiome.image.LabelMap;
import org.radiome.image.Volume;

/**
 * Our NRRD reader against the PyRadiomics test data (data/pyradiomics/README.md): the SHA-1 of each
 * pixel buffer as SimpleITK's {@code sitk.Hash} computes it (x fastest, little-endian, the image in its
 * own pixel type, masks cast to uint32), with the hashes read from the README, and the geometry the
 * README states.
 */
class PyRadiomicsBaselineTest {

    @Test
    void brain1_image_voxels_hash_to_the_baseline_as_int16() throws Exception {
        RawImage raw = ImageFiles.readRaw(TestImages.data("pyradiomics/brain1_image.nrrd"));
        assertThat(raw.pixelType()).isEqualTo(PixelType.INT16);
        Volume image = raw.toVolume();
        float[] v = image.voxels();
        ByteBuffer bytes = ByteBuffer.allocate(2 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        int notInt16 = 0;
        for (float f : v) {
            if (f != (short) f) notInt16++;
            bytes.putShort((short) f);
        }
        assertThat(notInt16).as("voxel values that are not int16").isZero();
        assertThat(sha1(bytes.array())).isEqualTo(readmeHash("brain1 image"));
    }

    @Test
    void brain1_mask_labels_hash_to_the_baseline_as_uint32() throws Exception {
        LabelMap mask = ImageFiles.readLabels(TestImages.data("pyradiomics/brain1_label.nrrd"));
        assertThat(sha1(uint32(mask))).isEqualTo(readmeHash("brain1 mask (uint32)"));
        assertThat(mask.select(1).count()).as("ROI voxels of label 1, README table").isEqualTo(4137);
    }

    @Test
    void lung1_mask_labels_hash_to_the_baseline_as_uint32() throws Exception {
        LabelMap mask = ImageFiles.readLabels(TestImages.data("pyradiomics/lung1_label.nrrd"));
        assertThat(sha1(uint32(mask))).isEqualTo(readmeHash("lung1 mask (uint32)"));
        assertThat(mask.select(1).count()).as("ROI voxels of label 1, README table").isEqualTo(837);
    }

    @Test
    void brain1_geometry_is_the_one_the_readme_states() throws Exception {
        // README: 256×256×25, spacing 0.78125, 0.78125, 6.5 mm, direction (1,0,0; 0,−1,0; 0,0,1), LPS.
        Grid g = ImageFiles.readVolume(TestImages.data("pyradiomics/brain1_image.nrrd")).grid();
        assertThat(new int[] {g.nx(), g.ny(), g.nz()}).containsExactly(256, 256, 25);
        assertThat(g.spacing()).containsExactly(new double[] {0.78125, 0.78125, 6.5}, within(1e-9));
        assertThat(g.direction()).containsExactly(new double[] {1, 0, 0, 0, -1, 0, 0, 0, 1}, within(1e-12));
        // "space origin: (-99.609374999999986,99.609374999999986,-77.999999999999957)" in the file's header.
        assertThat(g.origin()).containsExactly(new double[] {-99.609375, 99.609375, -78}, within(1e-9));
        Grid mask = ImageFiles.readLabels(TestImages.data("pyradiomics/brain1_label.nrrd")).grid();
        assertThat(mask.describeDifference(g)).isNull();
    }

    @Test
    void lung1_mask_geometry_is_the_one_the_readme_states() throws Exception {
        // README: 512×512×48, spacing 0.5703125, 0.5703125, 5.0 mm, direction identity.
        Grid g = ImageFiles.readLabels(TestImages.data("pyradiomics/lung1_label.nrrd")).grid();
        assertThat(new int[] {g.nx(), g.ny(), g.nz()}).containsExactly(512, 512, 48);
        assertThat(g.spacing()).containsExactly(new double[] {0.5703125, 0.5703125, 5.0}, within(1e-9));
        assertThat(g.direction()).containsExactly(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, within(1e-12));
    }

    private static byte[] uint32(LabelMap mask) {
        int[] labels = mask.labels();
        ByteBuffer bytes = ByteBuffer.allocate(4 * labels.length).order(ByteOrder.LITTLE_ENDIAN);
        int negative = 0;
        for (int l : labels) {
            if (l < 0) negative++;
            bytes.putInt(l);
        }
        assertThat(negative).as("negative labels (a uint32 cast keeps only non-negative ones unchanged)").isZero();
        return bytes.array();
    }

    /** The hash the README lists as "- {@code name}: `hash`". */
    private static String readmeHash(String name) throws IOException {
        String readme = Files.readString(TestImages.data("pyradiomics/README.md"));
        Matcher m = Pattern.compile("- " + Pattern.quote(name) + ": `([0-9a-f]{40})`").matcher(readme);
        assertThat(m.find()).as("README lists a hash for " + name).isTrue();
        return m.group(1);
    }

    private static String sha1(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    }
}
