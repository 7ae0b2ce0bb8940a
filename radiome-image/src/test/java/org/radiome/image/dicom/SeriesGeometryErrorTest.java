package org.radiome.image.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radiome.image.io.ImageReadException;
import org.radiome.image.io.ImageReadOptions;

/** Series that cannot be stacked into a grid: each error names the files concerned. */
class SeriesGeometryErrorTest {
    @TempDir
    Path tmp;

    static final double[] AXIAL = {1, 0, 0, 0, 1, 0};

    void slice(String name, double[] position, double[] orientation, int rows) {
        DicomFixtures.writeSlice(tmp.resolve(name), "CT", DicomFixtures.CT, "2.25.88", name.hashCode() & 0xffff, rows, 2,
                position, orientation, new double[] {1, 1}, new short[rows * 2], true, null);
    }

    ImageReadException failure() {
        try {
            DicomSeriesReader.read(tmp, ImageReadOptions.DEFAULT);
        } catch (ImageReadException e) {
            return e;
        }
        throw new AssertionError("expected an error");
    }

    @Test
    void uneven_spacing() {
        slice("a.dcm", new double[] {0, 0, 0}, AXIAL, 2);
        slice("b.dcm", new double[] {0, 0, 2}, AXIAL, 2);
        slice("c.dcm", new double[] {0, 0, 4}, AXIAL, 2);
        slice("d.dcm", new double[] {0, 0, 6.5}, AXIAL, 2);
        assertThat(failure()).hasMessageContaining("uneven slice spacing between c.dcm").hasMessageContaining("d.dcm");
    }

    @Test
    void two_slices_at_one_position() {
        slice("a.dcm", new double[] {0, 0, 0}, AXIAL, 2);
        slice("b.dcm", new double[] {0, 0, 0}, AXIAL, 2);
        assertThat(failure()).hasMessageContaining("two slices at the same position");
    }

    @Test
    void orientation_differs() {
        slice("a.dcm", new double[] {0, 0, 0}, AXIAL, 2);
        slice("b.dcm", new double[] {0, 0, 1}, new double[] {0, 1, 0, 1, 0, 0}, 2);
        assertThat(failure()).hasMessageContaining("b.dcm: Image Orientation (Patient)").hasMessageContaining("a.dcm");
    }

    @Test
    void size_differs() {
        slice("a.dcm", new double[] {0, 0, 0}, AXIAL, 2);
        slice("b.dcm", new double[] {0, 0, 1}, AXIAL, 3);
        assertThat(failure()).hasMessageContaining("b.dcm has 2×3 pixels, but a.dcm has 2×2");
    }

    @Test
    void gantry_tilt_is_refused() {
        slice("a.dcm", new double[] {0, 0, 0}, AXIAL, 2);
        slice("b.dcm", new double[] {0, 0.5, 1}, AXIAL, 2);
        assertThat(failure()).hasMessageContaining("gantry tilt");
    }

    @Test
    void non_dicom_and_non_image_files_are_skipped_with_warnings() throws Exception {
        slice("a.dcm", new double[] {0, 0, 0}, AXIAL, 2);
        slice("b.dcm", new double[] {0, 0, 1}, AXIAL, 2);
        Files.writeString(tmp.resolve("notes.txt"), "hello");
        Files.copy(CtPhantomDicomTest.data("ibsi-1/ct-phantom/dicom/mask/DCM_RS_00060.dcm"), tmp.resolve("rs.dcm"));
        List<String> warnings = new ArrayList<>();
        DicomSeries s = DicomSeriesReader.read(tmp, ImageReadOptions.DEFAULT.withWarnings(warnings::add));
        assertThat(s.sliceCount()).isEqualTo(2);
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).contains("notes.txt").contains("not a DICOM file");
        assertThat(warnings.get(1)).contains("rs.dcm").contains("not an image (Modality RTSTRUCT)");
    }

    @Test
    void signed_pixels_are_sign_extended() throws Exception {
        DicomFixtures.writeSlice(tmp.resolve("s.dcm"), "CT", DicomFixtures.CT, "2.25.89", 1, 1, 2, new double[] {0, 0, 0}, AXIAL,
                new double[] {1, 1}, new short[] {-1024, 3071}, true, list -> {
                    DicomBuilder.put(list, com.pixelmed.dicom.TagFromName.SliceThickness, 2.5);
                    DicomBuilder.put(list, com.pixelmed.dicom.TagFromName.RescaleIntercept, 0.0);
                });
        DicomSeries s = DicomSeriesReader.read(tmp.resolve("s.dcm"), ImageReadOptions.DEFAULT);
        assertThat(s.volume().voxels()).containsExactly(-1024f, 3071f);
        assertThat(s.volume().grid().spacing(2)).isEqualTo(2.5);
    }
}
