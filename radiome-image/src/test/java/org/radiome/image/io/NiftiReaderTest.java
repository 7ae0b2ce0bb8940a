package org.radiome.image.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.radiome.image.Grid;
import org.radiome.image.LabelMap;
import org.radiome.image.Volume;

/** NIfTI-1/NIfTI-2 files written by {@link TestImages.Nifti}, read back against hand-known values and geometry. */
class NiftiReaderTest {
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN, BE = ByteOrder.BIG_ENDIAN;

    @TempDir
    Path dir;

    /** Per datatype: the NIfTI code, bitpix, and values that reach the ends of the type's range. */
    static Stream<Arguments> datatypes() {
        return Stream.of(
                Arguments.of(PixelType.UINT8, 2, 8, new long[] {0, 1, 200, 255}),
                Arguments.of(PixelType.INT8, 256, 8, new long[] {-128, -1, 0, 127}),
                Arguments.of(PixelType.INT16, 4, 16, new long[] {-32768, -2, 1000, 32767}),
                Arguments.of(PixelType.UINT16, 512, 16, new long[] {0, 1, 40000, 65535}),
                Arguments.of(PixelType.INT32, 8, 32, new long[] {Integer.MIN_VALUE, -7, 16777217, Integer.MAX_VALUE}),
                Arguments.of(PixelType.UINT32, 768, 32, new long[] {0, 5, 16777217, Integer.MAX_VALUE}),
                Arguments.of(PixelType.INT64, 1024, 64, new long[] {Integer.MIN_VALUE, -3, 16777217, Integer.MAX_VALUE}),
                Arguments.of(PixelType.UINT64, 1280, 64, new long[] {0, 3, 16777217, Integer.MAX_VALUE}),
                Arguments.of(PixelType.FLOAT32, 16, 32, new long[] {-1024, 0, 3, 16777216}),
                Arguments.of(PixelType.FLOAT64, 64, 64, new long[] {-1024, 0, 3, 16777217}));
    }

    @ParameterizedTest(name = "{0} NIfTI-{4} {3}")
    @MethodSource("datatypesOrdersVersions")
    void every_datatype_reads_exactly_in_both_byte_orders(PixelType type, int code, int bitpix, ByteOrder order, int version,
                                                          long[] values) throws Exception {
        byte[] data = type.isInteger() ? TestImages.encode(order, type, values)
                : TestImages.encodeDoubles(order, type, Arrays.stream(values).asDoubleStream().toArray());
        TestImages.Nifti n = new TestImages.Nifti(code, bitpix, 2, 2, 1, data);
        n.version = version;
        n.order = order;
        Path file = n.write(dir.resolve("img.nii" + (version == 2 ? ".gz" : "")));

        RawImage raw = ImageFiles.readRaw(file);
        assertThat(raw.pixelType()).isEqualTo(type);
        float[] v = raw.toVolume().voxels();
        int[] labels = raw.toLabelMap().labels();
        for (int i = 0; i < values.length; i++) {
            assertThat(v[i]).as("intensity %d", i).isEqualTo((float) values[i]);
            if (type != PixelType.FLOAT32) {
                // labels are exact integers, not rounded through float (16777217 = 2^24 + 1 is not a float)
                assertThat(labels[i]).as("label %d", i).isEqualTo((int) values[i]);
            }
        }
    }

    static Stream<Arguments> datatypesOrdersVersions() {
        return datatypes().flatMap(a -> Stream.of(
                Arguments.of(a.get()[0], a.get()[1], a.get()[2], LE, 1, a.get()[3]),
                Arguments.of(a.get()[0], a.get()[1], a.get()[2], BE, 1, a.get()[3]),
                Arguments.of(a.get()[0], a.get()[1], a.get()[2], LE, 2, a.get()[3]),
                Arguments.of(a.get()[0], a.get()[1], a.get()[2], BE, 2, a.get()[3])));
    }

    @Test
    void unsigned_64_bit_values_beyond_the_int_range_are_intensities_but_not_labels() throws Exception {
        long max = -1L; // 2^64 − 1 as unsigned
        Path file = new TestImages.Nifti(1280, 64, 2, 1, 1, TestImages.encode(LE, PixelType.UINT64, 7, max)).write(dir.resolve("u64.nii"));
        assertThat(ImageFiles.readVolume(file).voxels()).containsExactly(7f, 0x1p64f);
        assertThatThrownBy(() -> ImageFiles.readLabels(file))
                .isInstanceOf(ImageReadException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("label value 18446744073709551615 at voxel (1,0,0)");
    }

    @Test
    void scl_slope_and_scl_inter_scale_the_values_and_a_zero_or_nan_slope_means_none() throws Exception {
        byte[] data = TestImages.encode(LE, PixelType.INT16, -1, 0, 10);
        TestImages.Nifti n = new TestImages.Nifti(4, 16, 3, 1, 1, data);
        n.sclSlope = 2.5;
        n.sclInter = -1;
        // 2.5 · (−1, 0, 10) − 1 = (−3.5, −1, 24)
        assertThat(ImageFiles.readVolume(n.write(dir.resolve("s.nii"))).voxels()).containsExactly(-3.5f, -1f, 24f);
        LabelMap rounded = ImageFiles.readLabels(dir.resolve("s.nii"));
        assertThat(rounded.labels()).containsExactly(-3, -1, 24); // −3.5 rounds half up to −3

        n.sclSlope = 0;
        n.sclInter = 100;
        assertThat(ImageFiles.readVolume(n.write(dir.resolve("zero.nii"))).voxels()).containsExactly(-1f, 0f, 10f);
        n.sclSlope = Double.NaN;
        assertThat(ImageFiles.readVolume(n.write(dir.resolve("nan.nii"))).voxels()).containsExactly(-1f, 0f, 10f);

        TestImages.Nifti v2 = new TestImages.Nifti(4, 16, 3, 1, 1, data);
        v2.version = 2;
        v2.sclSlope = 0.5;
        v2.sclInter = 1000;
        assertThat(ImageFiles.readVolume(v2.write(dir.resolve("s2.nii"))).voxels()).containsExactly(999.5f, 1000f, 1005f);
    }

    @Test
    void data_start_at_vox_offset_after_header_extensions() throws Exception {
        TestImages.Nifti n = new TestImages.Nifti(2, 8, 2, 2, 1, new byte[] {1, 2, 3, 4});
        n.voxOffset = 400; // 48 bytes of (zero) extension data between header and voxels
        assertThat(ImageFiles.readVolume(n.write(dir.resolve("ext.nii.gz"))).voxels()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void gzip_is_recognised_by_content_not_by_name() throws Exception {
        byte[] file = TestImages.gzip(new TestImages.Nifti(2, 8, 1, 1, 2, new byte[] {5, 6}).bytes());
        Path misnamed = TestImages.write(dir.resolve("compressed.nii"), file);
        assertThat(ImageFiles.readVolume(misnamed).voxels()).containsExactly(5, 6);
    }

    /**
     * qform (method 2): quaternion (b, c, d) = (0, 0, sin 45°) is a 90° turn about z, R = [[0,−1,0],
     * [1,0,0],[0,0,1]]; qfac −1 negates the third column; pixdim (1.5, 2, 3); qoffset (10, 20, 30).
     * RAS columns: i → (0, 1.5, 0), j → (−2, 0, 0), k → (0, 0, −3). LPS negates x and y:
     * direction columns (0, −1, 0), (1, 0, 0), (0, 0, −1); origin (−10, −20, 30).
     */
    @Test
    void qform_quaternion_with_qfac_gives_the_hand_computed_lps_grid() throws Exception {
        for (int version = 1; version <= 2; version++) {
            TestImages.Nifti n = new TestImages.Nifti(2, 8, 2, 3, 4, new byte[24]);
            n.version = version;
            n.pixdim = new double[] {-1, 1.5, 2, 3, 0, 0, 0, 0};
            n.qformCode = 1;
            n.quaternD = Math.sqrt(0.5);
            n.qoffsetX = 10;
            n.qoffsetY = 20;
            n.qoffsetZ = 30;
            Grid g = ImageFiles.readVolume(n.write(dir.resolve("q" + version + ".nii"))).grid();
            assertThat(g.spacing()).containsExactly(1.5, 2, 3);
            assertThat(g.direction()).containsExactly(new double[] {0, 1, 0, -1, 0, 0, 0, 0, -1}, within(1e-6));
            assertThat(g.origin()).containsExactly(new double[] {-10, -20, 30}, within(1e-6));
            // voxel (1, 1, 1): origin + 1.5·(0,−1,0) + 2·(1,0,0) + 3·(0,0,−1) = (−8, −21.5, 27)
            assertThat(g.toWorld(1, 1, 1)).containsExactly(new double[] {-8, -21.5, 27}, within(1e-5));
        }
    }

    /** sform (method 3) wins over a qform when both codes are set. */
    @Test
    void sform_takes_precedence_over_qform() throws Exception {
        TestImages.Nifti n = new TestImages.Nifti(2, 8, 2, 2, 2, new byte[8]);
        n.version = 2;
        n.pixdim = new double[] {1, 0.5, 0.75, 4, 0, 0, 0, 0};
        n.qformCode = 1;
        n.quaternD = 1; // would give RAS diag(−1, −1, 1)
        n.sformCode = 2;
        // RAS: i → (0.5, 0, 0), j → (0, 0, 0.75), k → (0, −4, 0); translation (1, 2, 3).
        n.srow = new double[] {0.5, 0, 0, 1, 0, 0, -4, 2, 0, 0.75, 0, 3};
        Grid g = ImageFiles.readVolume(n.write(dir.resolve("s.nii"))).grid();
        assertThat(g.spacing()).containsExactly(0.5, 0.75, 4);
        // LPS (x and y rows negated): i → (−1, 0, 0), j → (0, 0, 1), k → (0, 1, 0); origin (−1, −2, 3).
        assertThat(g.direction()).containsExactly(new double[] {-1, 0, 0, 0, 0, 1, 0, 1, 0}, within(1e-12));
        assertThat(g.origin()).containsExactly(-1, -2, 3);
    }

    /** Method 1 (no qform, no sform): diag(pixdim) in RAS, i.e. LPS direction diag(−1, −1, 1) as in ITK. */
    @Test
    void without_qform_and_sform_pixdim_scales_a_ras_grid() throws Exception {
        TestImages.Nifti n = new TestImages.Nifti(2, 8, 2, 2, 2, new byte[8]);
        n.pixdim = new double[] {0, -1.25, 2, 3, 0, 0, 0, 0}; // the sign of pixdim is not the spacing's
        Grid g = ImageFiles.readVolume(n.write(dir.resolve("m1.nii"))).grid();
        assertThat(g.spacing()).containsExactly(1.25, 2, 3);
        assertThat(g.direction()).containsExactly(-1, 0, 0, 0, -1, 0, 0, 0, 1);
        assertThat(g.origin()).containsExactly(0, 0, 0);
    }

    @Test
    void lengths_in_metres_and_microns_become_millimetres() throws Exception {
        TestImages.Nifti n = new TestImages.Nifti(2, 8, 1, 1, 2, new byte[2]);
        n.xyztUnits = 1; // NIFTI_UNITS_METER
        n.pixdim = new double[] {1, 0.002, 0.002, 0.004, 0, 0, 0, 0};
        n.qformCode = 1;
        n.qoffsetZ = 0.01;
        Grid g = ImageFiles.readVolume(n.write(dir.resolve("m.nii"))).grid();
        assertThat(g.spacing()).containsExactly(new double[] {2, 2, 4}, within(1e-6));
        assertThat(g.origin()).containsExactly(new double[] {0, 0, 10}, within(1e-6));

        n.xyztUnits = 3 | 8; // NIFTI_UNITS_MICRON, seconds for time
        n.pixdim = new double[] {1, 500, 500, 1000, 0, 0, 0, 0};
        n.qoffsetZ = 0;
        assertThat(ImageFiles.readVolume(n.write(dir.resolve("u.nii"))).grid().spacing())
                .containsExactly(new double[] {0.5, 0.5, 1}, within(1e-9));
    }

    @Test
    void a_two_dimensional_image_is_one_slice() throws Exception {
        TestImages.Nifti n = new TestImages.Nifti(2, 8, 3, 2, 1, new byte[] {1, 2, 3, 4, 5, 6});
        n.dim = new long[] {2, 3, 2, 1, 1, 1, 1, 1};
        n.pixdim = new double[] {1, 0.5, 0.5, 0, 0, 0, 0, 0}; // no slice spacing
        Volume v = ImageFiles.readVolume(n.write(dir.resolve("slice.nii")));
        assertThat(new int[] {v.grid().nx(), v.grid().ny(), v.grid().nz()}).containsExactly(3, 2, 1);
        assertThat(v.get(2, 1, 0)).isEqualTo(6f);
        assertThat(v.grid().spacing()).containsExactly(0.5, 0.5, 1);
    }

    @Test
    void a_4d_file_with_one_volume_reads_and_with_two_is_an_error() throws Exception {
        TestImages.Nifti n = new TestImages.Nifti(2, 8, 2, 1, 1, new byte[] {7, 8, 9, 10});
        n.dim = new long[] {4, 2, 1, 1, 1, 1, 1, 1};
        assertThat(ImageFiles.readVolume(n.write(dir.resolve("one.nii"))).voxels()).containsExactly(7, 8);
        n.dim = new long[] {4, 2, 1, 1, 2, 1, 1, 1};
        Path two = n.write(dir.resolve("two.nii"));
        assertThatThrownBy(() -> ImageFiles.readVolume(two))
                .isInstanceOf(ImageReadException.class)
                .hasMessage(two + ": not a 3-D image: 4-D data with 2 volumes (dim[4]); only one volume is supported");
    }

    @Test
    void an_sform_that_disagrees_with_pixdim_is_an_error() throws Exception {
        TestImages.Nifti n = new TestImages.Nifti(2, 8, 2, 2, 2, new byte[8]);
        n.sformCode = 1;
        n.pixdim = new double[] {1, 1, 1, 1, 0, 0, 0, 0};
        n.srow = new double[] {2, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0};
        Path file = n.write(dir.resolve("bad.nii"));
        assertThatThrownBy(() -> ImageFiles.readVolume(file))
                .isInstanceOf(ImageReadException.class)
                .hasMessageContaining("sform column 0 has length 2.0 but pixdim[1] gives spacing 1.0");
    }

    @Test
    void header_image_pairs_are_rejected_with_a_clear_message() throws Exception {
        TestImages.Nifti n = new TestImages.Nifti(2, 8, 1, 1, 1, new byte[1]);
        n.magic = "ni1\0";
        Path single = n.write(dir.resolve("pair.nii"));
        assertThatThrownBy(() -> ImageFiles.readVolume(single)).hasMessageContaining("header/image pairs (.hdr/.img) are not supported");
        Path hdr = TestImages.write(dir.resolve("pair.hdr"), n.bytes());
        assertThatThrownBy(() -> ImageFiles.readVolume(hdr)).hasMessage(hdr + ": NIfTI/ANALYZE header/image pairs (.hdr/.img) "
                + "are not supported; convert to a single .nii or .nii.gz file");
    }
}
