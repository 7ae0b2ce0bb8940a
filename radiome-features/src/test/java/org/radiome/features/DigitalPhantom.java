package org.radiome.features;

import java.util.EnumSet;
import java.util.Set;

import org.radiome.features.discretisation.DiscretisationSettings;
import org.radiome.features.glcm.GlcmSettings;
import org.radiome.features.gldzm.GldzmSettings;
import org.radiome.features.glrlm.GlrlmSettings;
import org.radiome.features.glszm.GlszmSettings;
import org.radiome.features.ivh.IvhSettings;
import org.radiome.features.ngldm.NgldmSettings;
import org.radiome.features.ngtdm.NgtdmSettings;
import org.radiome.features.texture.TextureDimension;
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

    /**
     * The manual's settings for the phantom (05_Reference_data_sets): no discretisation, IVH over
     * G = [1, 6] with w = 1, symmetric GLCM, Chebyshev distance 1, NGLDM coarseness 0, every aggregation.
     */
    public static ExtractionSettings settings() {
        Set<TextureDimension> all = EnumSet.allOf(TextureDimension.class);
        return new ExtractionSettings(EnumSet.allOf(Family.class), DiscretisationSettings.none(),
                IvhSettings.discrete(1.0, 6.0), new GlcmSettings(1, true, all), new GlrlmSettings(all), new GlszmSettings(all),
                new GldzmSettings(all), new NgtdmSettings(1, all), new NgldmSettings(1, 0, all));
    }
}
