package org.radiome.image.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.radiome.image.LabelMap;
import org.radiome.image.Mask;
import org.radiome.image.io.ImageFiles;
import org.radiome.image.io.ImageReadOptions;

/** The IBSI-1 CT phantom's RTSTRUCT, rasterised by our rule, against the IBSI's own NIfTI mask of the same ROI. */
class RtStructCtPhantomTest {
    static final Path RTSTRUCT = CtPhantomDicomTest.data("ibsi-1/ct-phantom/dicom/mask/DCM_RS_00060.dcm");
    static final Path NIFTI_MASK = CtPhantomDicomTest.data("ibsi-1/ct-phantom/nifti/mask/mask.nii.gz");

    @Test
    void gtv1_rasterises_to_the_nifti_mask_voxel_for_voxel() throws Exception {
        DicomSeries image = DicomSeriesReader.read(CtPhantomDicomTest.DICOM_IMAGE, ImageReadOptions.DEFAULT);
        RtStruct rs = RtStruct.read(RTSTRUCT);
        assertThat(rs.names()).contains("GTV-1");
        assertThat(rs.referencedSeries()).contains(image.seriesInstanceUid());
        Mask ours = rs.rasterise("GTV-1", image.volume().grid(), image.frameOfReferenceUid());
        LabelMap reference = ImageFiles.readLabels(NIFTI_MASK);
        assertThat(reference.grid().sameGeometry(ours.grid())).isTrue();
        boolean[] a = ours.inside();
        int[] b = reference.labels();
        int onlyOurs = 0, onlyReference = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] && b[i] == 0) onlyOurs++;
            if (!a[i] && b[i] != 0) onlyReference++;
        }
        assertThat(reference.nonZero().count()).as("NIfTI ROI voxels").isGreaterThan(1000);
        assertThat(ours.count()).as("ROI voxels").isEqualTo(reference.nonZero().count());
        assertThat(onlyOurs + onlyReference).as("voxels only in our mask (%d) or only in the NIfTI mask (%d)", onlyOurs, onlyReference)
                .isZero();
    }
}
