package org.radiome.image.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteOrder;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radiome.image.Grid;
import org.radiome.image.Volume;

/** NRRD files written by {@link TestImages}, read back against hand-known values and geometry. */
class NrrdReaderTest {
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN, BE = ByteOrder.BIG_ENDIAN;

    @TempDir
    Path dir;

    /** 2×2×2 int16 values 0..7 (x fastest); voxel (x, y, z) holds x + 2y + 4z. */
    private static final long[] RAMP = {0, 1, 2, 3, 4, 5, 6, 7};

    private static void assertRamp(Volume v) {
        assertThat(new int[] {v.grid().nx(), v.grid().ny(), v.grid().nz()}).containsExactly(2, 2, 2);
        assertThat(v.voxels()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(v.get(1, 0, 1)).isEqualTo(5f);
    }

    @Test
    void attached_raw_lps_data_keep_their_geometry() throws Exception {
        Path file = TestImages.nrrd(dir.resolve("a.nrrd"), """
                # a comment
                type: short
                dimension: 3
                space: left-posterior-superior
                sizes: 2 2 2
                space directions: (0.5,0,0) (0,-0.75,0) (0,0,2)
                kinds: domain domain domain
                endian: little
                encoding: raw
                space origin: (-10,20.5,-30)
                custom key:=some value
                """, TestImages.encode(LE, PixelType.INT16, RAMP));
        Volume v = ImageFiles.readVolume(file);
        assertRamp(v);
        Grid g = v.grid();
        assertThat(g.spacing()).containsExactly(0.5, 0.75, 2);
        assertThat(g.direction()).containsExactly(1, 0, 0, 0, -1, 0, 0, 0, 1);
        assertThat(g.origin()).containsExactly(-10, 20.5, -30);
    }

    /** RAS directions (2,0,0) (0,3,0) (0,0,4), origin (10,20,30): LPS negates x and y. */
    @Test
    void ras_and_las_spaces_are_converted_to_lps() throws Exception {
        String header = """
                type: uchar
                dimension: 3
                space: %s
                sizes: 2 2 2
                space directions: (2,0,0) (0,3,0) (0,0,4)
                encoding: raw
                space origin: (10,20,30)
                """;
        byte[] data = TestImages.encode(LE, PixelType.UINT8, RAMP);
        Grid ras = ImageFiles.readVolume(TestImages.nrrd(dir.resolve("ras.nrrd"), header.formatted("right-anterior-superior"), data)).grid();
        assertThat(ras.spacing()).containsExactly(2, 3, 4);
        assertThat(ras.direction()).containsExactly(-1, 0, 0, 0, -1, 0, 0, 0, 1);
        assertThat(ras.origin()).containsExactly(-10, -20, 30);
        Grid las = ImageFiles.readVolume(TestImages.nrrd(dir.resolve("las.nrrd"), header.formatted("LAS"), data)).grid();
        assertThat(las.direction()).containsExactly(1, 0, 0, 0, -1, 0, 0, 0, 1);
        assertThat(las.origin()).containsExactly(10, -20, 30);
    }

    @ParameterizedTest(name = "encoding {0}")
    @CsvSource({"gzip", "gz"})
    void attached_gzip_big_endian_floats_read(String encoding) throws Exception {
        byte[] data = TestImages.gzip(TestImages.encodeDoubles(BE, PixelType.FLOAT32, -1.5, 0, 2.25, 1e6, 0, 0, 0, 7));
        Path file = TestImages.nrrd(dir.resolve("g.nrrd"), """
                type: float
                dimension: 3
                sizes: 2 2 2
                endian: big
                encoding: %s
                """.formatted(encoding), data);
        assertThat(ImageFiles.readVolume(file).voxels()).containsExactly(-1.5f, 0, 2.25f, 1e6f, 0, 0, 0, 7);
    }

    /** Detached header, data file in a sub-folder named relatively, two junk lines and 5 junk bytes before the data. */
    @Test
    void detached_header_with_relative_data_file_line_skip_and_byte_skip() throws Exception {
        TestImages.write(dir.resolve("data/ramp.raw"), TestImages.concat(TestImages.ascii("junk line 1\njunk line 2\n12345"),
                TestImages.encode(BE, PixelType.INT16, RAMP)));
        Path header = TestImages.nhdr(dir.resolve("ramp.nhdr"), """
                type: int16
                dimension: 3
                sizes: 2 2 2
                spacings: 1.5 2.5 nan
                endian: big
                encoding: raw
                data file: data/ramp.raw
                line skip: 2
                byte skip: 5
                """);
        Volume v = ImageFiles.readVolume(header);
        assertRamp(v);
        // spacings without space directions; "nan" means unknown, taken as 1
        assertThat(v.grid().spacing()).containsExactly(1.5, 2.5, 1);
        assertThat(v.grid().direction()).containsExactly(1, 0, 0, 0, 1, 0, 0, 0, 1);
    }

    /** For gzip, line skip applies to the compressed file and byte skip to the decompressed data. */
    @Test
    void detached_gzip_data_skip_bytes_after_decompression() throws Exception {
        byte[] decoded = TestImages.concat(new byte[] {9, 9, 9}, TestImages.encode(LE, PixelType.UINT16, RAMP));
        TestImages.write(dir.resolve("ramp.raw.gz"), TestImages.concat(TestImages.ascii("skip me\n"), TestImages.gzip(decoded)));
        Path header = TestImages.nhdr(dir.resolve("ramp.nhdr"), """
                type: unsigned short
                dimension: 3
                sizes: 2 2 2
                endian: little
                encoding: gzip
                datafile: ./ramp.raw.gz
                lineskip: 1
                byteskip: 3
                """);
        assertRamp(ImageFiles.readVolume(header));
    }

    @Test
    void byte_skip_minus_one_takes_the_last_bytes() throws Exception {
        TestImages.write(dir.resolve("tail.raw"), TestImages.concat(new byte[17], TestImages.encode(LE, PixelType.INT32, RAMP)));
        Path header = TestImages.nhdr(dir.resolve("tail.nhdr"), """
                type: int
                dimension: 3
                sizes: 2 2 2
                endian: little
                encoding: raw
                data file: tail.raw
                byte skip: -1
                """);
        assertRamp(ImageFiles.readVolume(header));
    }

    @Test
    void ascii_and_hex_encodings_read() throws Exception {
        Path text = TestImages.nrrd(dir.resolve("t.nrrd"), """
                type: double
                dimension: 3
                sizes: 2 2 2
                encoding: ascii
                """, TestImages.ascii("0 1.0 2\n3e0   4\n5 6 7\n"));
        assertRamp(ImageFiles.readVolume(text));
        // hex of big-endian int16 0..7
        Path hex = TestImages.nrrd(dir.resolve("h.nrrd"), """
                type: short
                dimension: 3
                sizes: 2 2 2
                endian: big
                encoding: hex
                """, TestImages.ascii("0000 0001 0002 0003\n0004 0005 0006 0007\n"));
        assertRamp(ImageFiles.readVolume(hex));
    }

    @Test
    void list_and_pattern_data_files_hold_one_slice_each() throws Exception {
        TestImages.write(dir.resolve("slice0.raw"), new byte[] {0, 1, 2, 3});
        TestImages.write(dir.resolve("slice1.raw"), new byte[] {4, 5, 6, 7});
        Path list = TestImages.nhdr(dir.resolve("list.nhdr"), """
                type: uint8
                dimension: 3
                sizes: 2 2 2
                encoding: raw
                data file: LIST
                slice0.raw
                slice1.raw
                """);
        assertRamp(ImageFiles.readVolume(list));
        Path pattern = TestImages.nhdr(dir.resolve("pattern.nhdr"), """
                type: uint8
                dimension: 3
                sizes: 2 2 2
                encoding: raw
                data file: slice%d.raw 0 1 1
                """);
        assertRamp(ImageFiles.readVolume(pattern));
    }

    /** A 2-D image is one slice; its third direction is the normal of the two in-plane ones. */
    @Test
    void a_two_dimensional_image_is_one_slice() throws Exception {
        Path file = TestImages.nrrd(dir.resolve("2d.nrrd"), """
                type: uchar
                dimension: 2
                space: left-posterior-superior
                sizes: 3 2
                space directions: (0,0.5,0) (0,0,0.5)
                encoding: raw
                space origin: (1,2,3)
                """, new byte[] {1, 2, 3, 4, 5, 6});
        Volume v = ImageFiles.readVolume(file);
        Grid g = v.grid();
        assertThat(new int[] {g.nx(), g.ny(), g.nz()}).containsExactly(3, 2, 1);
        assertThat(v.get(2, 1, 0)).isEqualTo(6f);
        assertThat(g.spacing()).containsExactly(0.5, 0.5, 1);
        // (0,1,0) × (0,0,1) = (1,0,0)
        assertThat(g.direction()).containsExactly(0, 0, 1, 1, 0, 0, 0, 1, 0);
        assertThat(g.origin()).containsExactly(1, 2, 3);
    }

    @Test
    void a_non_spatial_axis_of_size_one_is_dropped_and_of_larger_size_is_an_error() throws Exception {
        String header = """
                type: uchar
                dimension: 4
                space: left-posterior-superior
                sizes: %d 2 2 2
                space directions: none (1,0,0) (0,1,0) (0,0,1)
                kinds: %s domain domain domain
                encoding: raw
                """;
        Path one = TestImages.nrrd(dir.resolve("one.nrrd"), header.formatted(1, "list"), TestImages.encode(LE, PixelType.UINT8, RAMP));
        assertRamp(ImageFiles.readVolume(one));
        Path rgb = TestImages.nrrd(dir.resolve("rgb.nrrd"), header.formatted(3, "RGB-color"), new byte[24]);
        assertThatThrownBy(() -> ImageFiles.readVolume(rgb))
                .isInstanceOf(ImageReadException.class)
                .hasMessage(rgb + ": not a 3-D image: axis 0 (RGB-color) has 3 samples; only one scalar volume is supported");
    }

    @ParameterizedTest(name = "type: {0}")
    @CsvSource({
        "signed char, INT8", "int8, INT8", "int8_t, INT8",
        "uchar, UINT8", "unsigned char, UINT8", "uint8, UINT8", "uint8_t, UINT8",
        "short, INT16", "short int, INT16", "signed short, INT16", "signed short int, INT16", "int16, INT16", "int16_t, INT16",
        "ushort, UINT16", "unsigned short, UINT16", "unsigned short int, UINT16", "uint16, UINT16", "uint16_t, UINT16",
        "int, INT32", "signed int, INT32", "int32, INT32", "int32_t, INT32",
        "uint, UINT32", "unsigned int, UINT32", "uint32, UINT32", "uint32_t, UINT32",
        "longlong, INT64", "long long, INT64", "long long int, INT64", "signed long long, INT64",
        "signed long long int, INT64", "int64, INT64", "int64_t, INT64",
        "ulonglong, UINT64", "unsigned long long, UINT64", "unsigned long long int, UINT64", "uint64, UINT64", "uint64_t, UINT64",
        "float, FLOAT32", "double, FLOAT64"})
    void every_type_name_of_the_format_is_known(String name, PixelType type) throws Exception {
        Path file = TestImages.nrrd(dir.resolve("t.nrrd"), """
                type: %s
                dimension: 3
                sizes: 2 2 2
                endian: little
                encoding: raw
                """.formatted(name), type.isInteger() ? TestImages.encode(LE, type, RAMP)
                : TestImages.encodeDoubles(LE, type, 0, 1, 2, 3, 4, 5, 6, 7));
        RawImage raw = ImageFiles.readRaw(file);
        assertThat(raw.pixelType()).isEqualTo(type);
        assertRamp(raw.toVolume());
        assertThat(raw.toLabelMap().labels()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void int32_labels_above_two_to_the_24_stay_exact() throws Exception {
        Path file = TestImages.nrrd(dir.resolve("big.nrrd"), """
                type: int
                dimension: 3
                sizes: 2 1 1
                endian: little
                encoding: gzip
                """, TestImages.gzip(TestImages.encode(LE, PixelType.INT32, 16777217, 2147483647)));
        assertThat(ImageFiles.readLabels(file).labels()).containsExactly(16777217, 2147483647);
    }
}
