package org.radiome.image.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radiome.image.Grid;
import org.radiome.image.Volume;
import org.radiome.image.io.ImageReadOptions;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;

/**
 * MR series built with PixelMed: geometry from the Image Plane Module (PS3.3 C.7.6.2.1.1) for a
 * sagittal stack, and an Enhanced MR image (C.8.13, functional groups C.7.6.16).
 */
class MrSeriesTest {
    @TempDir
    Path tmp;

    /** Stored value of pixel (column x, row y) of slice k: 100·k + 10·y + x, unique per voxel. */
    static short value(int x, int y, int k) { return (short) (100 * k + 10 * y + x); }

    static short[] plane(int k, int rows, int columns) {
        short[] p = new short[rows * columns];
        for (int y = 0; y < rows; y++) for (int x = 0; x < columns; x++) p[x + columns * y] = value(x, y, k);
        return p;
    }

    /**
     * Sagittal slices: Image Orientation (Patient) 0\1\0\0\0\−1 puts rows along +y (posterior) and
     * columns along −z (feet); the normal row × column is −x. Slices at x = 10, 8, 6 mm: sorted along the
     * normal, the one at x = 10 comes first. Pixel Spacing 0.5\0.8: 0.5 mm between rows (y voxel axis),
     * 0.8 mm between columns (x voxel axis). The standard's mapping, P = S + x·Δc·r + y·Δr·c, fixes the world
     * position of every voxel; Grid.toWorld must reproduce it.
     */
    @Test
    void sagittal_series_follows_the_image_plane_module() throws Exception {
        double[] iop = {0, 1, 0, 0, 0, -1};
        double[] xs = {6, 10, 8}; // file order is not slice order
        for (int f = 0; f < 3; f++) {
            int k = (int) Math.round((10 - xs[f]) / 2); // slice index along the normal
            DicomFixtures.writeSlice(tmp.resolve("mr" + f + ".dcm"), "MR", DicomFixtures.MR, "2.25.55", f + 1, 3, 4,
                    new double[] {xs[f], -20, 30}, iop, new double[] {0.5, 0.8}, plane(k, 3, 4), false, null);
        }
        DicomSeries s = DicomSeriesReader.read(tmp, ImageReadOptions.DEFAULT);
        Volume v = s.volume();
        Grid g = v.grid();
        assertThat(s.modality()).isEqualTo("MR");
        assertThat(new int[] {g.nx(), g.ny(), g.nz()}).containsExactly(4, 3, 3);
        assertThat(g.spacing()).containsExactly(new double[] {0.8, 0.5, 2}, within(1e-12));
        assertThat(g.direction()).containsExactly(0, 0, -1, 1, 0, 0, 0, -1, 0);
        for (int k = 0; k < 3; k++) {
            for (int y = 0; y < 3; y++) {
                for (int x = 0; x < 4; x++) {
                    assertThat(v.get(x, y, k)).as("voxel %d,%d,%d", x, y, k).isEqualTo(value(x, y, k));
                    double[] expected = {10 - 2 * k, -20 + x * 0.8, 30 - y * 0.5};
                    assertThat(g.toWorld(x, y, k)).containsExactly(expected, within(1e-9));
                }
            }
        }
    }

    /**
     * An Enhanced MR image: three frames in one file, frame positions z = 4, 0, 2 mm (so frame order is not
     * slice order), orientation and pixel measures shared, Pixel Value Transformation shared with slope 2 and
     * intercept −10: voxel = 2 · stored − 10.
     */
    @Test
    void enhanced_multiframe_mr_is_stacked_by_frame_position() throws Exception {
        int rows = 3, columns = 4;
        double[] frameZ = {4, 0, 2};
        AttributeList list = new AttributeList();
        DicomBuilder.put(list, TagFromName.SOPClassUID, DicomFixtures.ENHANCED_MR);
        DicomBuilder.put(list, TagFromName.SOPInstanceUID, "2.25.66.1");
        DicomBuilder.put(list, TagFromName.StudyInstanceUID, DicomFixtures.STUDY_UID);
        DicomBuilder.put(list, TagFromName.SeriesInstanceUID, "2.25.66");
        DicomBuilder.put(list, TagFromName.FrameOfReferenceUID, DicomFixtures.FRAME_OF_REFERENCE_UID);
        DicomBuilder.put(list, TagFromName.Modality, "MR");
        DicomBuilder.put(list, TagFromName.NumberOfFrames, 3);
        DicomFixtures.addPixelModule(list, rows, columns, false);
        AttributeList shared = new AttributeList();
        AttributeList measures = new AttributeList();
        DicomBuilder.put(measures, TagFromName.PixelSpacing, 1.5, 1.25);
        DicomBuilder.put(measures, TagFromName.SliceThickness, 2.0);
        DicomBuilder.sequence(shared, TagFromName.PixelMeasuresSequence, measures);
        AttributeList orientation = new AttributeList();
        DicomBuilder.put(orientation, TagFromName.ImageOrientationPatient, 1.0, 0, 0, 0, 1, 0);
        DicomBuilder.sequence(shared, TagFromName.PlaneOrientationSequence, orientation);
        AttributeList transformation = new AttributeList();
        DicomBuilder.put(transformation, TagFromName.RescaleSlope, 2.0);
        DicomBuilder.put(transformation, TagFromName.RescaleIntercept, -10.0);
        DicomBuilder.put(transformation, TagFromName.RescaleType, "US");
        DicomBuilder.sequence(shared, TagFromName.PixelValueTransformationSequence, transformation);
        DicomBuilder.sequence(list, TagFromName.SharedFunctionalGroupsSequence, shared);
        AttributeList[] frames = new AttributeList[3];
        short[] all = new short[3 * rows * columns];
        for (int f = 0; f < 3; f++) {
            frames[f] = new AttributeList();
            AttributeList position = new AttributeList();
            DicomBuilder.put(position, TagFromName.ImagePositionPatient, 0.0, 0.0, frameZ[f]);
            DicomBuilder.sequence(frames[f], TagFromName.PlanePositionSequence, position);
            int k = (int) (frameZ[f] / 2);
            System.arraycopy(plane(k, rows, columns), 0, all, f * rows * columns, rows * columns);
        }
        DicomBuilder.sequence(list, TagFromName.PerFrameFunctionalGroupsSequence, frames);
        OtherWordAttribute pixels = new OtherWordAttribute(TagFromName.PixelData);
        pixels.setValues(all);
        list.put(pixels);
        Path file = tmp.resolve("enhanced.dcm");
        DicomFixtures.write(list, file, TransferSyntax.ExplicitVRLittleEndian);

        DicomSeries s = DicomSeriesReader.read(file, ImageReadOptions.DEFAULT);
        Volume v = s.volume();
        assertThat(s.sliceCount()).isEqualTo(3);
        assertThat(v.grid().spacing()).containsExactly(1.25, 1.5, 2);
        assertThat(v.grid().origin()).containsExactly(0, 0, 0);
        for (int k = 0; k < 3; k++) {
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < columns; x++) assertThat(v.get(x, y, k)).isEqualTo(2f * value(x, y, k) - 10f);
            }
        }
    }
}
