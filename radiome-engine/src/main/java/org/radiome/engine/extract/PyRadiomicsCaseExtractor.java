package org.radiome.engine.extract;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

import org.radiome.features.FeatureSet;
import org.radiome.features.pyradiomics.PyRadiomicsExtractor;
import org.radiome.features.pyradiomics.PyRadiomicsSettings;
import org.radiome.image.LabelMap;
import org.radiome.image.Volume;
import org.radiome.image.io.ImageFiles;
import org.radiome.image.io.ImageReadException;
import org.radiome.image.io.PixelType;
import org.radiome.image.io.RawImage;

/**
 * Extracts the features of one case in PyRadiomics-compatible mode ({@link PyRadiomicsExtractor}) from an image file
 * and a mask file. The image and mask grids may differ only if the parameter file sets {@code correctMask}. Every
 * failure becomes an {@link ExtractionException} whose message names the file or case and the problem.
 *
 * <p>Stateless and thread-safe.
 */
public final class PyRadiomicsCaseExtractor {
    private PyRadiomicsCaseExtractor() {}

    /**
     * @param label the mask label to use, overriding the parameter file's {@code label} (as PyRadiomics's
     *              {@code execute(..., label=)} does), or null to use it
     */
    public static RoiResult extract(String caseId, Path imageFile, Path maskFile, Integer label, PyRadiomicsSettings settings)
            throws ExtractionException {
        RawImage raw = readRaw(imageFile);
        LabelMap labels = CaseExtractor.readMask(maskFile);
        return extract(caseId, raw.toVolume(), pixelType(raw), labels, label == null ? settings : withLabel(settings, label));
    }

    /**
     * Every label of the mask as its own ROI, in increasing order, reading the image and the mask once; each row
     * is named by its label. A mask without any non-zero voxel is an error.
     */
    public static List<RoiResult> extractAll(String caseId, Path imageFile, Path maskFile, PyRadiomicsSettings settings)
            throws ExtractionException {
        RawImage raw = readRaw(imageFile);
        // every label's box from one pass, so that each label's extraction does not scan the whole mask again
        LabelMap labels = CaseExtractor.readMask(maskFile).withBoundsByLabel();
        SortedSet<Integer> present = labels.presentLabels();
        if (present.isEmpty()) throw new ExtractionException(maskFile, "the mask is empty (no non-zero voxels)");
        Volume image = raw.toVolume();
        PixelType pixelType = pixelType(raw);
        List<RoiResult> results = new ArrayList<>(present.size());
        for (int label : present) results.add(extract(caseId, image, pixelType, labels, withLabel(settings, label)));
        return results;
    }

    /** The pixel type SimpleITK would hold the image in (resampling casts back to it). */
    private static PixelType pixelType(RawImage raw) {
        return raw.isScaled() ? PixelType.FLOAT32 : raw.pixelType();
    }

    private static RoiResult extract(String caseId, Volume image, PixelType pixelType, LabelMap labels, PyRadiomicsSettings s)
            throws ExtractionException {
        FeatureSet features;
        try {
            features = PyRadiomicsExtractor.extract(image, pixelType, labels, s);
        } catch (IllegalArgumentException e) {
            throw new ExtractionException("case " + caseId + ", label " + s.label() + ": " + e.getMessage(), e);
        }
        return new RoiResult(caseId, Integer.toString(s.label()), features);
    }

    private static RawImage readRaw(Path file) throws ExtractionException {
        try {
            return ImageFiles.readRaw(file);
        } catch (ImageReadException e) {
            throw new ExtractionException(e.getMessage(), e);
        }
    }

    static PyRadiomicsSettings withLabel(PyRadiomicsSettings s, int label) {
        return new PyRadiomicsSettings(s.enabledFeatures(), label, s.binWidth(), s.binCount(), s.voxelArrayShift(),
                s.distances(), s.symmetricalGlcm(), s.gldmA(), s.weightingNorm(), s.force2D(), s.force2Ddimension(),
                s.normalize(), s.normalizeScale(), s.removeOutliers(), s.resampledPixelSpacing(), s.interpolator(),
                s.padDistance(), s.preCrop(), s.resegmentRange(), s.resegmentMode(), s.resegmentShape(),
                s.minimumRoiDimensions(), s.minimumRoiSize(), s.correctMask(), s.geometryTolerance());
    }
}
