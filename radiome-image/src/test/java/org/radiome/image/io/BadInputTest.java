package org.radiome.image.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad input gives an {@link ImageReadException} whose one-line message is "file: problem",
 * never a raw I/O exception.
 */
class BadInputTest {
    @TempDir
    Path dir;

    private static ImageReadException failure(Path file, Path named, String problem) {
        ImageReadException e = catchThrowableOfType(() -> ImageFiles.readVolume(file), ImageReadException.class);
        assertThat(e).as("reading %s fails with ImageReadException", file).isNotNull();
        assertThat(e.getMessage()).startsWith(named + ": ").contains(problem).doesNotContain("\n");
        return e;
    }

    private static void fails(Path file, String problem) {
        failure(file, file, problem);
    }

    /** A 16×16×16 int16 NIfTI of noise, so its gzip form is long enough to cut and damage. */
    private byte[] noiseNifti() {
        Random random = new Random(42);
        long[] values = new long[16 * 16 * 16];
        for (int i = 0; i < values.length; i++) values[i] = random.nextInt(4000) - 1000;
        return new TestImages.Nifti(4, 16, 16, 16, 16, TestImages.encode(ByteOrder.LITTLE_ENDIAN, PixelType.INT16, values)).bytes();
    }

    @Test
    void missing_file() {
        fails(dir.resolve("absent.nii.gz"), "file not found");
        fails(dir.resolve("absent.nrrd"), "file not found");
    }

    @Test
    void missing_detached_data_file_names_both_files() {
        Path header = TestImages.nhdr(dir.resolve("h.nhdr"), "type: uchar\ndimension: 3\nsizes: 2 2 2\nencoding: raw\ndata file: gone.raw\n");
        failure(header, header, "data file " + dir.resolve("gone.raw").toAbsolutePath() + ": file not found");
    }

    @Test
    void truncated_gzip() {
        byte[] gz = TestImages.gzip(noiseNifti());
        fails(TestImages.write(dir.resolve("cut.nii.gz"), Arrays.copyOf(gz, gz.length / 2)), "truncated or corrupt gzip data");
        Path nrrd = TestImages.nrrd(dir.resolve("cut.nrrd"), "type: short\ndimension: 3\nsizes: 16 16 16\nendian: little\nencoding: gzip\n",
                Arrays.copyOf(gz, gz.length / 2));
        fails(nrrd, "truncated or corrupt gzip data");
    }

    @Test
    void corrupt_gzip() {
        byte[] gz = TestImages.gzip(noiseNifti());
        byte[] badBody = gz.clone();
        badBody[10] = (byte) 0xff; // first deflate block header: final block of the reserved type 3
        fails(TestImages.write(dir.resolve("body.nii.gz"), badBody), "truncated or corrupt gzip data");
        byte[] badCrc = gz.clone();
        badCrc[gz.length - 8] ^= 0x55; // CRC-32 trailer no longer matches the (intact) data
        fails(TestImages.write(dir.resolve("crc.nii.gz"), badCrc), "truncated or corrupt gzip data");
        byte[] badMethod = gz.clone();
        badMethod[2] = 7; // compression method other than deflate
        fails(TestImages.write(dir.resolve("method.nii.gz"), badMethod), "truncated or corrupt gzip data");
    }

    /** 16³ int16 = 8192 bytes of voxel data expected. */
    @Test
    void data_shorter_than_the_header_says() {
        byte[] full = noiseNifti();
        byte[] cut = Arrays.copyOf(full, 352 + 100);
        fails(TestImages.write(dir.resolve("short.nii"), cut), "file truncated: expected 8192 bytes of voxel data, found 100");
        // a sound gzip stream of too little data is truncated data, not bad gzip
        fails(TestImages.write(dir.resolve("short.nii.gz"), TestImages.gzip(cut)),
                "file truncated: expected 8192 bytes of voxel data, found 100");
        Path nrrd = TestImages.nrrd(dir.resolve("short.nrrd"), "type: short\ndimension: 3\nsizes: 16 16 16\nendian: little\nencoding: raw\n",
                new byte[100]);
        fails(nrrd, "file truncated: expected 8192 bytes of voxel data, found 100");
        // a header claiming 200 MB in a small file fails as truncated, not out of memory
        fails(new TestImages.Nifti(4, 16, 1000, 1000, 100, new byte[10]).write(dir.resolve("claims.nii")),
                "file truncated: expected 200000000 bytes of voxel data, found 10");
        Path text = TestImages.nrrd(dir.resolve("short-text.nrrd"), "type: short\ndimension: 3\nsizes: 2 2 2\nencoding: ascii\n",
                TestImages.ascii("1 2 3"));
        fails(text, "file truncated: expected 8 text values of voxel data, found 3");
    }

    @Test
    void unsupported_datatype_is_named() {
        fails(new TestImages.Nifti(128, 24, 1, 1, 1, new byte[3]).write(dir.resolve("rgb.nii")), "unsupported datatype 128 (RGB24)");
        fails(new TestImages.Nifti(32, 64, 1, 1, 1, new byte[8]).write(dir.resolve("complex.nii")), "unsupported datatype 32 (complex64)");
        Path block = TestImages.nrrd(dir.resolve("block.nrrd"), "type: block\nblock size: 4\ndimension: 3\nsizes: 1 1 1\nencoding: raw\n", new byte[4]);
        fails(block, "unsupported datatype 'block'");
        Path bzip = TestImages.nrrd(dir.resolve("bz.nrrd"), "type: uchar\ndimension: 3\nsizes: 1 1 1\nencoding: bzip2\n", new byte[4]);
        fails(bzip, "unsupported encoding 'bzip2'");
    }

    @Test
    void bad_magic() {
        fails(TestImages.write(dir.resolve("noise.nii"), new byte[400]), "not a NIfTI file: bad magic");
        TestImages.Nifti analyze = new TestImages.Nifti(2, 8, 1, 1, 1, new byte[1]);
        analyze.magic = "\0\0\0\0";
        fails(analyze.write(dir.resolve("analyze.nii")), "not a NIfTI-1 file: bad magic '\\x00\\x00\\x00\\x00'");
        Path nrrd = TestImages.write(dir.resolve("x.nrrd"), TestImages.ascii("NRRX0004\ntype: uchar\n\n"));
        fails(nrrd, "not a NRRD file: bad magic");
        fails(TestImages.write(dir.resolve("empty.nii"), new byte[0]), "not a NIfTI file: only 0 bytes");
    }

    @Test
    void non_3d_data() {
        TestImages.Nifti four = new TestImages.Nifti(2, 8, 2, 2, 2, new byte[16]);
        four.dim = new long[] {4, 2, 2, 2, 2, 1, 1, 1};
        fails(four.write(dir.resolve("4d.nii")), "not a 3-D image: 4-D data with 2 volumes");
        TestImages.Nifti vector = new TestImages.Nifti(2, 8, 2, 2, 2, new byte[24]);
        vector.dim = new long[] {5, 2, 2, 2, 1, 3, 1, 1};
        fails(vector.write(dir.resolve("vec.nii")), "not a 3-D image: dim[5] is 3");
        Path nrrd4d = TestImages.nrrd(dir.resolve("4d.nrrd"), "type: uchar\ndimension: 4\nsizes: 2 2 2 2\nencoding: raw\n", new byte[16]);
        fails(nrrd4d, "not a 3-D image: 4-D data (sizes [2, 2, 2, 2])");
        Path nrrd1d = TestImages.nrrd(dir.resolve("1d.nrrd"), "type: uchar\ndimension: 1\nsizes: 5\nencoding: raw\n", new byte[5]);
        fails(nrrd1d, "not a 3-D image: 1-D data (sizes [5])");
    }

    @Test
    void unknown_file_type() {
        fails(TestImages.write(dir.resolve("image.png"), new byte[10]), "unsupported file type");
    }

    @Test
    void labels_outside_the_int_range() {
        Path file = TestImages.nrrd(dir.resolve("nan.nrrd"), "type: float\ndimension: 3\nsizes: 2 1 1\nendian: little\nencoding: raw\n",
                TestImages.encodeDoubles(ByteOrder.LITTLE_ENDIAN, PixelType.FLOAT32, 1, Float.NaN));
        ImageReadException e = catchThrowableOfType(() -> ImageFiles.readLabels(file), ImageReadException.class);
        assertThat(e).hasMessage(file + ": label value NaN at voxel (1,0,0) is not an integer in the 32-bit range");
    }
}
