package org.radiome.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.radiome.cli.ExtractBadInputTest.assertOneLineError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.radiome.image.dicom.DicomFixtures;

/**
 * {@code radiome extract} on DICOM input, in-process: the IBSI CT phantom's series and RTSTRUCT, and
 * the bad inputs of clinical DICOM folders, each a single clear line naming the file (never a stack
 * trace, never a hang).
 */
@Timeout(120)
class ExtractDicomTest {
    @TempDir
    Path tmp;

    static final String IMAGE = "data/ibsi-1/ct-phantom/dicom/image";
    static final String RTSTRUCT = "data/ibsi-1/ct-phantom/dicom/mask/DCM_RS_00060.dcm";

    CliRun extract(String image, String mask, String... extra) {
        String[] base = {"extract", "--image", image, "--mask", mask, "--settings", CliRun.path("settings/native.yaml"),
            "--families", "stat", "--out", tmp.resolve("out.csv").toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }

    Path imageCopy() { return DicomFixtures.copyFolder(CliRun.root().resolve(IMAGE), tmp.resolve("image")); }

    /** The DICOM series + RTSTRUCT give the same features as the IBSI's NIfTI image and mask (same voxels, same mask). */
    @Test
    void dicom_series_and_rtstruct_give_the_nifti_features() throws IOException {
        CliRun dicom = extract(CliRun.path(IMAGE), CliRun.path(RTSTRUCT), "--roi", "GTV-1", "--families", "stat,ih,cm");
        assertThat(dicom.exitCode()).as(dicom.err()).isZero();
        List<String> fromDicom = Files.readAllLines(tmp.resolve("out.csv"));
        CliRun nifti = extract(CliRun.path("data/ibsi-1/ct-phantom/nifti/image/phantom.nii.gz"),
                CliRun.path("data/ibsi-1/ct-phantom/nifti/mask/mask.nii.gz"), "--families", "stat,ih,cm");
        assertThat(nifti.exitCode()).as(nifti.err()).isZero();
        List<String> fromNifti = Files.readAllLines(tmp.resolve("out.csv"));
        assertThat(fromDicom.get(0)).isEqualTo(fromNifti.get(0));
        String[] d = fromDicom.get(1).split(","), n = fromNifti.get(1).split(",");
        assertThat(d[1]).isEqualTo("GTV-1");
        assertThat(d.length).isGreaterThan(50);
        for (int i = 2; i < d.length; i++) assertThat(d[i]).as(fromDicom.get(0).split(",")[i]).isEqualTo(n[i]);
    }

    @Test
    void all_rois_gives_one_row_per_rtstruct_roi() throws IOException {
        CliRun run = extract(CliRun.path(IMAGE), CliRun.path(RTSTRUCT), "--all-rois");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> rows = Files.readAllLines(tmp.resolve("out.csv"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).startsWith("image,GTV-1,");
    }

    @Test
    void non_dicom_files_in_the_folder_are_skipped_with_a_warning() throws IOException {
        Path image = imageCopy();
        Files.writeString(image.resolve("notes.txt"), "scanned on Tuesday\n");
        CliRun run = extract(image.toString(), CliRun.path(RTSTRUCT), "--roi", "GTV-1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("warning").contains("notes.txt").contains("not a DICOM file");
    }

    @Test
    void missing_slice_names_the_neighbouring_files() throws IOException {
        Path image = imageCopy();
        Files.delete(image.resolve("DCM_IMG_00030.dcm"));
        CliRun run = extract(image.toString(), CliRun.path(RTSTRUCT), "--roi", "GTV-1");
        assertOneLineError(run, "image", "missing slice", "DCM_IMG_000");
    }

    @Test
    void mixed_series_are_listed_and_one_can_be_chosen() throws IOException {
        Path image = imageCopy();
        Path other = DicomFixtures.copyFolder(CliRun.root().resolve(IMAGE), tmp.resolve("other"));
        for (Path f : DicomFixtures.files(other)) {
            DicomFixtures.moveToSeries(f, "2.25.424242");
            Files.move(f, image.resolve("other-" + f.getFileName()));
        }
        CliRun run = extract(image.toString(), CliRun.path(RTSTRUCT), "--roi", "GTV-1");
        assertOneLineError(run, "image", "2 series", "--series", "2.25.424242 (CT, 60 files)");
        String original = DicomFixtures.value(image.resolve("DCM_IMG_00000.dcm"), 0x0020, 0x000E);
        CliRun chosen = extract(image.toString(), CliRun.path(RTSTRUCT), "--roi", "GTV-1", "--series", original);
        assertThat(chosen.exitCode()).as(chosen.err()).isZero();
        CliRun unknown = extract(image.toString(), CliRun.path(RTSTRUCT), "--roi", "GTV-1", "--series", "2.25.1");
        assertOneLineError(unknown, "no series with Series Instance UID 2.25.1");
    }

    @Test
    void rtstruct_of_another_image_is_refused() throws IOException {
        Path rs = tmp.resolve("other-rs.dcm");
        Files.copy(CliRun.root().resolve(RTSTRUCT), rs);
        DicomFixtures.moveRtStructToAnotherImage(rs, "2.25.999", "2.25.998");
        CliRun run = extract(CliRun.path(IMAGE), rs.toString(), "--roi", "GTV-1");
        assertOneLineError(run, "other-rs.dcm", "another frame of reference", "another image series");
    }

    @Test
    void unknown_roi_lists_the_rois_present() {
        CliRun run = extract(CliRun.path(IMAGE), CliRun.path(RTSTRUCT), "--roi", "PTV");
        assertOneLineError(run, "DCM_RS_00060.dcm", "no ROI named 'PTV'", "ROIs present: GTV-1");
    }

    /** JPEG-LS needs a codec Radiome does not ship: refused by the announced transfer syntax. */
    @Test
    void unsupported_transfer_syntax_names_the_file() throws IOException {
        Path image = imageCopy();
        DicomFixtures.announceTransferSyntax(image.resolve("DCM_IMG_00007.dcm"), "1.2.840.10008.1.2.4.80");
        CliRun run = extract(image.toString(), CliRun.path(RTSTRUCT), "--roi", "GTV-1");
        assertOneLineError(run, "DCM_IMG_00007.dcm", "unsupported transfer syntax 1.2.840.10008.1.2.4.80");
    }

    @Test
    void truncated_dicom_file_names_the_file() throws IOException {
        Path image = imageCopy();
        Path f = image.resolve("DCM_IMG_00011.dcm");
        byte[] all = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(all, all.length / 2));
        CliRun run = extract(image.toString(), CliRun.path(RTSTRUCT), "--roi", "GTV-1");
        assertOneLineError(run, "DCM_IMG_00011.dcm", "truncated");
    }

    /** A corrupt Pixel Data length (2 GiB in a 80 kB file, implicit VR): an error, not an out-of-memory crash. */
    @Test
    void corrupt_pixel_data_length_names_the_file() throws IOException {
        Path image = imageCopy();
        Path f = image.resolve("DCM_IMG_00012.dcm");
        byte[] all = Files.readAllBytes(f);
        int at = -1;
        for (int i = 132; i + 8 <= all.length && at < 0; i++) {
            if (all[i] == (byte) 0xE0 && all[i + 1] == 0x7F && all[i + 2] == 0x10 && all[i + 3] == 0x00) at = i + 4;
        }
        assertThat(at).isPositive();
        all[at] = (byte) 0xF0;
        all[at + 1] = (byte) 0xFF;
        all[at + 2] = (byte) 0xFF;
        all[at + 3] = (byte) 0x7F;
        Files.write(f, all);
        CliRun run = extract(image.toString(), CliRun.path(RTSTRUCT), "--roi", "GTV-1");
        assertOneLineError(run, "DCM_IMG_00012.dcm", "Pixel Data", "corrupt");
    }

    @Test
    void folder_without_dicom_images() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(empty.resolve("readme.txt"), "nothing here");
        CliRun run = extract(empty.toString(), CliRun.path(RTSTRUCT));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no DICOM image files found").doesNotContain("Exception");
    }
}
