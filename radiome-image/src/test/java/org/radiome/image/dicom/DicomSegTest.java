package org.radiome.image.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radiome.image.Grid;
import org.radiome.image.LabelMap;
import org.radiome.image.Mask;
import org.radiome.image.io.ImageFiles;
import org.radiome.image.io.ImageReadException;
import org.radiome.image.io.ImageReadOptions;
import org.radiome.image.io.LoadedImage;
import org.radiome.image.io.RoiSet;

/** DICOM-SEG written from masks on the IBSI CT phantom's DICOM series, and read back onto it. */
class DicomSegTest {
    @TempDir
    Path tmp;

    static final Path IMAGE = CtPhantomDicomTest.DICOM_IMAGE;

    /** The IBSI's GTV-1 voxel mask (NIfTI) and its complement within slices 20–29, as two segments. */
    static Map<String, Mask> twoSegments() throws ImageReadException {
        LabelMap gtv = ImageFiles.readLabels(RtStructCtPhantomTest.NIFTI_MASK);
        Grid g = gtv.grid();
        boolean[] other = new boolean[g.voxelCount()];
        int plane = g.nx() * g.ny();
        for (int i = 20 * plane; i < 30 * plane; i++) other[i] = gtv.labels()[i] == 0 && i % 7 == 0;
        Map<String, Mask> m = new LinkedHashMap<>();
        m.put("GTV-1", gtv.nonZero());
        m.put("Sparse", new Mask(g, other));
        return m;
    }

    @Test
    void binary_seg_round_trips_every_segment_voxel_for_voxel() throws Exception {
        Map<String, Mask> masks = twoSegments();
        Path seg = tmp.resolve("seg.dcm");
        DicomSegWriter.write(seg, IMAGE, masks, ImageReadOptions.DEFAULT);

        // what the file says, read independently of our reader
        assertThat(DicomFixtures.value(seg, 0x0008, 0x0016)).isEqualTo("1.2.840.10008.5.1.4.1.1.66.4");
        assertThat(DicomFixtures.value(seg, 0x0062, 0x0001)).isEqualTo("BINARY");
        assertThat(DicomFixtures.value(seg, 0x0008, 0x0060)).isEqualTo("SEG");
        LoadedImage image = ImageFiles.load(IMAGE, ImageReadOptions.DEFAULT);
        assertThat(DicomFixtures.value(seg, 0x0020, 0x0052)).isEqualTo(image.frameOfReferenceUid());

        RoiSet rois = ImageFiles.readRois(seg, image, ImageReadOptions.DEFAULT);
        assertThat(rois.names()).containsExactly("GTV-1", "Sparse");
        for (String name : rois.names()) {
            assertThat(rois.get(name).inside()).as(name).isEqualTo(masks.get(name).inside());
        }
    }

    /**
     * FRACTIONAL: a voxel is inside when its fraction is ≥ 0.5 of Maximum Fractional Value (255 here).
     * Fractions 0.498 and 0.502 are stored as 127 and 128: 127/255 = 0.498 is outside, 128/255 = 0.502 inside.
     */
    @Test
    void fractional_seg_is_thresholded_at_one_half() throws Exception {
        Grid grid = ImageFiles.load(IMAGE, ImageReadOptions.DEFAULT).volume().grid();
        float[] f = new float[grid.voxelCount()];
        int a = grid.index(10, 10, 30), b = grid.index(11, 10, 30), c = grid.index(12, 10, 30);
        f[a] = 0.498f;
        f[b] = 0.502f;
        f[c] = 1f;
        Path seg = tmp.resolve("fractional.dcm");
        DicomSegWriter.write(seg, IMAGE, grid, List.of(new DicomSegWriter.Segment("p", f)), true, ImageReadOptions.DEFAULT);
        assertThat(DicomFixtures.value(seg, 0x0062, 0x0001)).isEqualTo("FRACTIONAL");
        Mask m = ImageFiles.readRois(seg, ImageFiles.load(IMAGE, ImageReadOptions.DEFAULT), ImageReadOptions.DEFAULT).get("p");
        assertThat(m.count()).isEqualTo(2);
        assertThat(m.inside()[a]).isFalse();
        assertThat(m.inside()[b]).isTrue();
        assertThat(m.inside()[c]).isTrue();
    }

    @Test
    void unknown_segment_lists_the_segments_present() throws Exception {
        Path seg = tmp.resolve("seg.dcm");
        DicomSegWriter.write(seg, IMAGE, twoSegments(), ImageReadOptions.DEFAULT);
        RoiSet rois = ImageFiles.readRois(seg, ImageFiles.load(IMAGE, ImageReadOptions.DEFAULT), ImageReadOptions.DEFAULT);
        assertThatThrownBy(() -> rois.get("GTV-2")).isInstanceOf(ImageReadException.class)
                .hasMessageContaining("seg.dcm").hasMessageContaining("GTV-2").hasMessageContaining("GTV-1, Sparse");
    }
}
