package org.radiome.image.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radiome.image.io.ImageReadOptions;

import com.github.jaiimageio.jpeg2000.J2KImageWriteParam;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.OtherByteAttributeMultipleCompressedFrames;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;

/**
 * Compressed pixel data are decoded through the ImageIO codecs Radiome ships: a CT phantom slice
 * re-encoded as JPEG 2000 lossless (PS3.5 §A.4.4: the J2K code stream, encapsulated, one fragment per
 * frame) must read back to the same voxels as the uncompressed original.
 */
class CompressedTransferSyntaxTest {
    @TempDir
    Path tmp;

    @Test
    void jpeg2000_lossless_slice_reads_to_the_uncompressed_values() throws Exception {
        Path original = CtPhantomDicomTest.DICOM_IMAGE.resolve("DCM_IMG_00005.dcm");
        AttributeList list = DicomFixtures.read(original);
        int rows = Integer.parseInt(list.get(TagFromName.Rows).getSingleStringValueOrNull());
        int columns = Integer.parseInt(list.get(TagFromName.Columns).getSingleStringValueOrNull());
        short[] stored = list.get(TagFromName.PixelData).getShortValues();

        BufferedImage image = new BufferedImage(columns, rows, BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < rows; y++) for (int x = 0; x < columns; x++) raster.setSample(x, y, 0, stored[x + columns * y] & 0xFFFF);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg2000").next();
        J2KImageWriteParam param = new J2KImageWriteParam();
        param.setLossless(true);
        param.setWriteCodeStreamOnly(true);
        ByteArrayOutputStream codeStream = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(codeStream)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        writer.dispose();
        byte[] frame = codeStream.toByteArray();
        if (frame.length % 2 == 1) frame = java.util.Arrays.copyOf(frame, frame.length + 1);
        list.put(new OtherByteAttributeMultipleCompressedFrames(TagFromName.PixelData, new byte[][] {frame}));
        Path compressed = tmp.resolve("j2k.dcm");
        DicomFixtures.write(list, compressed, TransferSyntax.JPEG2000Lossless);
        assertThat(DicomFixtures.value(compressed, 0x0002, 0x0010)).isEqualTo(TransferSyntax.JPEG2000Lossless);
        assertThat(Files.size(compressed)).isLessThan(Files.size(original));

        float[] fromOriginal = DicomSeriesReader.read(original, ImageReadOptions.DEFAULT).volume().voxels();
        float[] fromCompressed = DicomSeriesReader.read(compressed, ImageReadOptions.DEFAULT).volume().voxels();
        assertThat(fromCompressed).containsExactly(fromOriginal);
    }
}
