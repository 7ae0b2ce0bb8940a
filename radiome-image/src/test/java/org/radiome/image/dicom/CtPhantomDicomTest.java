package org.radiome.image.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.radiome.image.Grid;
import org.radiome.image.Volume;
import org.radiome.image.io.ImageFiles;
import org.radiome.image.io.ImageReadOptions;

/**
 * The IBSI-1 CT phantom (data/ibsi-1/ct-phantom) is published twice by the IBSI: as a 60-slice DICOM
 * series with an RTSTRUCT, and as NIfTI converted from it by the IBSI (README there). Our DICOM reader
 * must give the NIfTI's voxels and geometry.
 */
class CtPhantomDicomTest {
    static Path root() {
        String root = System.getProperty("radiome.root");
        Path p = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("data/ibsi-1"))) p = p.getParent();
        return p;
    }

    static Path data(String relative) { return root().resolve("data").resolve(relative); }

    static final Path DICOM_IMAGE = data("ibsi-1/ct-phantom/dicom/image");
    static final Path NIFTI_IMAGE = data("ibsi-1/ct-phantom/nifti/image/phantom.nii.gz");

    @Test
    void dicom_series_reads_to_the_nifti_voxels_and_geometry() throws Exception {
        DicomSeries series = DicomSeriesReader.read(DICOM_IMAGE, ImageReadOptions.DEFAULT);
        Volume dicom = series.volume();
        Volume nifti = ImageFiles.readVolume(NIFTI_IMAGE);
        Grid d = dicom.grid(), n = nifti.grid();
        assertThat(series.modality()).isEqualTo("CT");
        assertThat(series.units()).isEqualTo("HU");
        assertThat(series.sliceCount()).isEqualTo(60);
        assertThat(new int[] {d.nx(), d.ny(), d.nz()}).containsExactly(n.nx(), n.ny(), n.nz());
        assertThat(d.spacing()).containsExactly(n.spacing(), within(1e-4));
        // positions give a mean gap of 2.9999999999998486 mm; Slice Thickness says 3.0, as the NIfTI does
        assertThat(d.spacing(2)).isEqualTo(3.0);
        assertThat(d.origin()).containsExactly(n.origin(), within(1e-3));
        assertThat(d.direction()).containsExactly(n.direction(), within(1e-6));
        // NIfTI holds float HU; DICOM stored integers · slope 1 + intercept −1000: equal exactly.
        float[] a = dicom.voxels(), b = nifti.voxels();
        int differing = 0;
        for (int i = 0; i < a.length; i++) if (a[i] != b[i]) differing++;
        assertThat(differing).as("voxels whose DICOM and NIfTI intensities differ").isZero();
    }
}
