package org.radiome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gives one clear line on stderr naming the file and the problem, and a non-zero exit: never a stack trace. */
class ExtractBadInputTest {
    @TempDir
    Path tmp;

    static final String IMAGE = "data/ibsi-1/digital-phantom/nifti/image/phantom.nii.gz";
    static final String MASK = "data/ibsi-1/digital-phantom/nifti/mask/mask.nii.gz";

    CliRun extract(String image, String mask, String... extra) {
        String[] base = {"extract", "--image", image, "--mask", mask,
            "--settings", CliRun.path("settings/ibsi/digital-phantom.yaml"), "--out", tmp.resolve("out.csv").toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }

    static void assertOneLineError(CliRun run, String... fragments) {
        assertThat(run.exitCode()).isEqualTo(1);
        String err = run.err().strip();
        assertThat(err.lines().count()).as(err).isEqualTo(1);
        assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
        for (String f : fragments) assertThat(err).contains(f);
    }

    @Test
    void missing_image_file() {
        CliRun run = extract(tmp.resolve("nope.nii.gz").toString(), CliRun.path(MASK));
        assertOneLineError(run, "nope.nii.gz", "not found");
    }

    @Test
    void truncated_gzip() throws IOException {
        byte[] all = Files.readAllBytes(CliRun.root().resolve(IMAGE));
        Path bad = tmp.resolve("truncated.nii.gz");
        Files.write(bad, java.util.Arrays.copyOf(all, all.length / 2));
        CliRun run = extract(bad.toString(), CliRun.path(MASK));
        assertOneLineError(run, "truncated.nii.gz");
        assertThat(run.err()).containsIgnoringCase("truncated");
    }

    @Test
    void corrupt_gzip() throws IOException {
        byte[] all = Files.readAllBytes(CliRun.root().resolve(IMAGE));
        for (int i = 20; i < all.length - 10; i++) all[i] ^= (byte) 0x5a;
        Path bad = tmp.resolve("corrupt.nii.gz");
        Files.write(bad, all);
        CliRun run = extract(bad.toString(), CliRun.path(MASK));
        assertOneLineError(run, "corrupt.nii.gz");
    }

    @Test
    void unsupported_datatype() throws IOException {
        byte[] nii = gunzip(CliRun.root().resolve(IMAGE));
        ByteBuffer b = ByteBuffer.wrap(nii).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(70, (short) 32); // NIFTI_TYPE_COMPLEX64 (nifti1.h)
        b.putShort(72, (short) 64); // bitpix
        Path bad = tmp.resolve("complex.nii");
        Files.write(bad, nii);
        CliRun run = extract(bad.toString(), CliRun.path(MASK));
        assertOneLineError(run, "complex.nii", "datatype");
    }

    @Test
    void mask_on_another_grid() {
        CliRun run = extract(CliRun.path(IMAGE), CliRun.path("data/pyradiomics/brain1_label.nrrd"));
        assertOneLineError(run, "brain1_label.nrrd", "grid");
    }

    @Test
    void empty_roi() {
        CliRun run = extract(CliRun.path(IMAGE), CliRun.path(MASK), "--roi", "7");
        assertOneLineError(run, "mask.nii.gz", "empty");
    }

    @Test
    void unknown_settings_key_names_the_key() throws IOException {
        Path settings = tmp.resolve("bad.yaml");
        Files.writeString(settings, "discretisation:\n  method: none\ntexture:\n  glcm:\n    distnce: 1\n");
        CliRun run = CliRun.of("extract", "--image", CliRun.path(IMAGE), "--mask", CliRun.path(MASK),
                "--settings", settings.toString(), "--out", tmp.resolve("o.csv").toString());
        assertOneLineError(run, "bad.yaml", "texture.glcm.distnce", "unknown key");
    }

    @Test
    void out_of_range_settings_value_names_the_key() throws IOException {
        Path settings = tmp.resolve("bad.yaml");
        Files.writeString(settings, "discretisation:\n  method: fixed_bin_number\n  bin_count: 0\n");
        CliRun run = CliRun.of("extract", "--image", CliRun.path(IMAGE), "--mask", CliRun.path(MASK),
                "--settings", settings.toString(), "--out", tmp.resolve("o.csv").toString());
        assertOneLineError(run, "bad.yaml", "discretisation.bin_count", ">= 1");
    }

    @Test
    void missing_required_option_is_a_usage_error() {
        CliRun run = CliRun.of("extract", "--image", CliRun.path(IMAGE));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option");
    }

    private static byte[] gunzip(Path p) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
