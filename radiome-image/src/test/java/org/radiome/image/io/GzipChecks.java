package org.radiome.image.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;

/**
 * Gzip decoding by {@link ImageInput} (libdeflate where {@link Libdeflate#available()}, else
 * {@code java.util.zip}) checked against the JDK's own RFC 1952 decoder, {@link GZIPInputStream}: the
 * same bytes for the bundled gzip images, concatenated and empty members, and the same one-line error,
 * naming the file, for truncated or corrupt data.
 *
 * <p>Used in-process by {@link GzipDecodingTest}, and by its {@link #main} in a child JVM of JDK 22+
 * (where libdeflate can be called), since Maven's own JVM may be JDK 17.
 */
final class GzipChecks {
    /** Exit status of {@link #main} when libdeflate cannot be used in the child JVM. */
    static final int UNAVAILABLE = 3;

    private final Path dir;
    /** Whether {@link ImageInput} must have decoded with libdeflate (else with java.util.zip). */
    private final boolean libdeflate;

    GzipChecks(Path dir, boolean libdeflate) {
        this.dir = dir;
        this.libdeflate = libdeflate;
    }

    /** The bundled gzip NIfTI files (whole-file gzip): the IBSI CT phantom's image and mask. */
    static List<Path> bundledNiftiGz() {
        return List.of(TestImages.data("ibsi-1/ct-phantom/nifti/image/phantom.nii.gz"),
                TestImages.data("ibsi-1/ct-phantom/nifti/mask/mask.nii.gz"));
    }

    /** The bundled NRRD files with gzip-encoded data after the header: PyRadiomics's brain1 image and label. */
    static List<Path> bundledNrrdGz() {
        return List.of(TestImages.data("pyradiomics/brain1_image.nrrd"), TestImages.data("pyradiomics/brain1_label.nrrd"));
    }

    /** A whole-file gzip decodes to what GZIPInputStream gives. */
    void wholeFileDecodesAsJavaUtilZip(Path file) {
        byte[] expected = javaUtilZip(read(file), 0);
        try (ImageInput in = ImageInput.openDetectingGzip(file)) {
            assertThat(in.isGzip()).as("%s detected as gzip", file).isTrue();
            assertDecoder(in, file);
            byte[] got = in.readRemaining();
            assertThat(got.length).as("decoded length of %s", file).isEqualTo(expected.length);
            assertThat(Arrays.equals(got, expected)).as("decoded bytes of %s equal java.util.zip's", file).isTrue();
        } catch (ImageReadException e) {
            throw new AssertionError(e);
        }
        if (Libdeflate.available()) {
            byte[] compressed = read(file);
            assertThat(Arrays.equals(libdeflate(compressed), expected)).as("Libdeflate.gunzip of %s", file).isTrue();
        }
    }

    /** The gzip data after a NRRD header decode to what GZIPInputStream gives; the header lines read the same. */
    void nrrdDataDecodeAsJavaUtilZip(Path file) {
        byte[] all = read(file);
        int dataStart = headerEnd(all);
        byte[] expected = javaUtilZip(all, dataStart);
        try (ImageInput in = ImageInput.open(file)) {
            while (!in.readLine(1 << 16).isEmpty()) {
                // header lines, up to the blank line before the data
            }
            in.startGzip();
            assertDecoder(in, file);
            byte[] head = new byte[1000];
            int n = in.read(head, 0, head.length); // a partial read, then readFully of the rest, as the readers do
            byte[] rest = in.readFully(expected.length - n);
            assertThat(in.read(new byte[1], 0, 1)).as("nothing after the data of %s", file).isZero();
            in.drain();
            byte[] got = TestImages.concat(Arrays.copyOf(head, n), rest);
            assertThat(Arrays.equals(got, expected)).as("decoded gzip data of %s equal java.util.zip's", file).isTrue();
        } catch (ImageReadException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Concatenated members (RFC 1952 2.2), an empty one among them, decode to their concatenation: the
     * last member's length trailer (5) is far below the total, so the whole-buffer decoder must grow
     * its output. Bytes after the last member that are no gzip header are ignored, as GZIPInputStream does.
     */
    void multiMemberAndEmptyMembers() {
        byte[] a = compressible(300_000, 1), c = TestImages.ascii("tail\n");
        byte[] members = TestImages.concat(TestImages.gzip(a), TestImages.gzip(new byte[0]), TestImages.gzip(c));
        byte[] expected = TestImages.concat(a, c);
        decodesTo(TestImages.write(dir.resolve("members.gz"), members), expected);
        decodesTo(TestImages.write(dir.resolve("members-and-zeros.gz"), TestImages.concat(members, new byte[16])), expected);
        decodesTo(TestImages.write(dir.resolve("empty.gz"), TestImages.gzip(new byte[0])), new byte[0]);
        decodesTo(TestImages.write(dir.resolve("empties.gz"), TestImages.concat(TestImages.gzip(new byte[0]), TestImages.gzip(new byte[0]))), new byte[0]);
    }

    /** Truncated or damaged gzip data fail with the same one-line error, naming the file, whichever decoder. */
    void corruptOrTruncatedDataNameTheFile() {
        byte[] nifti = noiseNifti();
        byte[] gz = TestImages.gzip(nifti);
        corrupt(TestImages.write(dir.resolve("cut.nii.gz"), Arrays.copyOf(gz, gz.length / 2)));
        corrupt(TestImages.write(dir.resolve("cut-trailer.nii.gz"), Arrays.copyOf(gz, gz.length - 3)));
        byte[] badBody = gz.clone();
        badBody[10] = (byte) 0xff; // first deflate block header: final block of the reserved type 3
        corrupt(TestImages.write(dir.resolve("body.nii.gz"), badBody));
        byte[] badCrc = gz.clone();
        badCrc[gz.length - 8] ^= 0x55; // CRC-32 trailer no longer matches the (intact) data
        corrupt(TestImages.write(dir.resolve("crc.nii.gz"), badCrc));
        byte[] badLength = gz.clone();
        badLength[gz.length - 4] ^= 0x01; // ISIZE trailer no longer matches
        corrupt(TestImages.write(dir.resolve("isize.nii.gz"), badLength));
        byte[] second = TestImages.gzip(new byte[64]);
        second[second.length - 8] ^= 0x55;
        corrupt(TestImages.write(dir.resolve("second-member.nii.gz"), TestImages.concat(gz, second)));
        String nrrdHeader = "type: short\ndimension: 3\nsizes: 16 16 16\nendian: little\nencoding: gzip\n";
        corrupt(TestImages.nrrd(dir.resolve("cut.nrrd"), nrrdHeader, Arrays.copyOf(TestImages.gzip(Arrays.copyOfRange(nifti, 352, nifti.length)), 100)));
        corrupt(TestImages.nrrd(dir.resolve("no-data.nrrd"), nrrdHeader, new byte[0]));
        // a sound gzip stream of too little data is truncated voxel data, not bad gzip
        Path shortFile = TestImages.write(dir.resolve("short.nii.gz"), TestImages.gzip(Arrays.copyOf(nifti, 352 + 100)));
        assertThat(readError(shortFile)).isEqualTo(shortFile + ": file truncated: expected 8192 bytes of voxel data, found 100");
    }

    /**
     * Runs every check, expecting libdeflate, or java.util.zip with the argument {@code --expect-java-util-zip};
     * exits 0 when all pass, {@link #UNAVAILABLE} when libdeflate is expected but cannot be used, 1 on a failed check.
     */
    public static void main(String[] args) throws IOException {
        boolean expectLibdeflate = !List.of(args).contains("--expect-java-util-zip");
        String decoder = ImageInput.gzipDecoder();
        if (expectLibdeflate != Libdeflate.available()) {
            System.out.println("libdeflate " + (expectLibdeflate ? "unavailable: " : "used, although not expected: ") + decoder);
            System.exit(expectLibdeflate ? UNAVAILABLE : 1);
        }
        Path dir = Files.createTempDirectory("radiome-gzip-checks");
        try {
            GzipChecks checks = new GzipChecks(dir, expectLibdeflate);
            for (Path f : bundledNiftiGz()) checks.wholeFileDecodesAsJavaUtilZip(f);
            for (Path f : bundledNrrdGz()) checks.nrrdDataDecodeAsJavaUtilZip(f);
            checks.multiMemberAndEmptyMembers();
            checks.corruptOrTruncatedDataNameTheFile();
            System.out.println("gzip checks passed with " + decoder + ", Java " + Runtime.version());
        } catch (AssertionError e) {
            System.out.println("gzip check failed: " + e.getMessage());
            System.exit(1);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted((x, y) -> y.compareTo(x)).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void decodesTo(Path file, byte[] expected) {
        byte[] reference = javaUtilZip(read(file), 0);
        assertThat(Arrays.equals(reference, expected)).as("java.util.zip decodes %s to the members' data", file).isTrue();
        try (ImageInput in = ImageInput.open(file)) {
            in.startGzip();
            assertDecoder(in, file);
            byte[] got = in.readFully(expected.length);
            assertThat(Arrays.equals(got, expected)).as("decoded bytes of %s", file).isTrue();
            assertThat(in.read(new byte[4], 0, 4)).as("nothing after the members' data of %s", file).isZero();
            in.drain();
        } catch (ImageReadException e) {
            throw new AssertionError(e);
        }
    }

    private static void corrupt(Path file) {
        assertThat(readError(file)).startsWith(file + ": truncated or corrupt gzip data").doesNotContain("\n");
    }

    private static String readError(Path file) {
        ImageReadException e = catchThrowableOfType(() -> ImageFiles.readVolume(file), ImageReadException.class);
        assertThat(e).as("reading %s fails with ImageReadException", file).isNotNull();
        return e.getMessage();
    }

    private void assertDecoder(ImageInput in, Path file) {
        assertThat(in.decodedByLibdeflate()).as("%s decoded by libdeflate", file).isEqualTo(libdeflate);
    }

    private static byte[] libdeflate(byte[] compressed) {
        try (Libdeflate.Decoded d = Libdeflate.gunzip(compressed.length, dst -> dst.put(compressed))) {
            assertThat(d).as("libdeflate decodes").isNotNull();
            byte[] out = new byte[d.data().remaining()];
            d.data().get(out);
            return out;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The reference: the JDK's GZIPInputStream over {@code bytes} from {@code offset}. */
    private static byte[] javaUtilZip(byte[] bytes, int offset) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes, offset, bytes.length - offset))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Offset just after the blank line that ends a NRRD header. */
    private static int headerEnd(byte[] b) {
        for (int i = 1; i < b.length; i++) {
            if (b[i] == '\n' && b[i - 1] == '\n') return i + 1;
        }
        throw new IllegalArgumentException("no blank line after the NRRD header");
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes from a small alphabet: compressible, like image data. */
    private static byte[] compressible(int n, long seed) {
        Random random = new Random(seed);
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) ('a' + random.nextInt(6));
        return b;
    }

    /** A 16×16×16 int16 NIfTI of noise, so its gzip form is long enough to cut and damage. */
    private static byte[] noiseNifti() {
        Random random = new Random(42);
        long[] values = new long[16 * 16 * 16];
        for (int i = 0; i < values.length; i++) values[i] = random.nextInt(4000) - 1000;
        return new TestImages.Nifti(4, 16, 16, 16, 16, TestImages.encode(ByteOrder.LITTLE_ENDIAN, PixelType.INT16, values)).bytes();
    }
}
