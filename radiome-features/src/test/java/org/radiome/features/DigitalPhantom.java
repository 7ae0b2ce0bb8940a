package org.radiome.features;

import org.radiome.image.LabelMap;
import org.radiome.image.Volume;
import org.radiome.image.io.ImageFiles;
import org.radiome.image.io.ImageReadException;

/** The IBSI-1 digital phantom ({@code data/ibsi-1/digital-phantom}) as a {@link RoiImage}. Test support only. */
public final class DigitalPhantom {
    private DigitalPhantom() {}

    public static RoiImage load() {
        try {
            Volume image = ImageFiles.readVolume(IbsiReference.data("ibsi-1/digital-phantom/nifti/image/phantom.nii.gz"));
            LabelMap mask = ImageFiles.readLabels(IbsiReference.data("ibsi-1/digital-phantom/nifti/mask/mask.nii.gz"));
            return RoiImage.of(image, mask.nonZero());
        } catch (ImageReadException e) {
            throw new IllegalStateException(e);
        }
    }
}
