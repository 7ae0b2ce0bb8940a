package org.radiome.engine.extract;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;

import org.radiome.features.ExtractionSettings;
import org.radiome.features.FeatureSet;
import org.radiome.features.RoiFeatureExtractor;
import org.radiome.image.LabelMap;
import org.radiome.image.Mask;
import org.radiome.image.Volume;
import org.radiome.image.io.ImageFiles;
import org.radiome.image.io.ImageReadException;
import org.radiome.image.io.ImageReadOptions;
import org.radiome.image.io.LoadedImage;
import org.radiome.image.io.RoiSet;

/**
 * Extracts the features of one case from an image (file or DICOM series) and a mask (label map,
 * RTSTRUCT or DICOM-SEG): reads both, places the ROIs on the image's grid (see
 * {@link ImageFiles#readRois}), selects the ROI, runs the configured preprocessing (interpolation,
 * re-segmentation; see {@link org.radiome.features.preprocess.Preprocessor}) and computes the
 * configured families. Every failure becomes an
 * {@link ExtractionException} whose message names the file and the problem.
 *
 * <p>Stateless and thread-safe.
 */
public final class CaseExtractor {
    private CaseExtractor() {}

    /** Case id from an image file name: the name without directory and image extensions. */
    public static String caseIdOf(Path image) {
        String name = image.getFileName().toString();
        for (String ext : new String[] {".nii.gz", ".nii", ".nrrd", ".nhdr", ".dcm"}) {
            if (name.toLowerCase(Locale.ROOT).endsWith(ext)) return name.substring(0, name.length() - ext.length());
        }
        return name;
    }

    /**
     * @param roi a ROI name (a label number for label maps, a ROI name for RTSTRUCT, a segment label for
     *            DICOM-SEG), or null for the mask's default ROI (see {@link RoiSet#getDefault()})
     */
    public static RoiResult extract(String caseId, Path imageFile, Path maskFile, String roi, ExtractionSettings settings)
            throws ExtractionException {
        return extract(caseId, imageFile, maskFile, roi, settings, ImageReadOptions.DEFAULT);
    }

    /** As {@link #extract(String, Path, Path, String, ExtractionSettings)}, with options for DICOM input. */
    public static RoiResult extract(String caseId, Path imageFile, Path maskFile, String roi, ExtractionSettings settings,
                                    ImageReadOptions options) throws ExtractionException {
        return extract(caseId, imageFile, maskFile, roi, settings, options, null);
    }

    /**
     * As {@link #extract(String, Path, Path, String, ExtractionSettings, ImageReadOptions)}, computing the feature
     * families concurrently on {@code families} when it is not null (see
     * {@link RoiFeatureExtractor#extract(org.radiome.features.RoiImage, ExtractionSettings, ExecutorService)}).
     */
    public static RoiResult extract(String caseId, Path imageFile, Path maskFile, String roi, ExtractionSettings settings,
                                    ImageReadOptions options, ExecutorService families) throws ExtractionException {
        LoadedImage image = readImage(imageFile, options);
        RoiSet rois = readRois(maskFile, image, options);
        Mask mask = selectRoi(rois, roi);
        String roiName = roi == null ? rois.defaultName() : roi.trim();
        return extractRoi(caseId, roiName, image.volume(), mask, settings, families);
    }

    /** One result per ROI of the mask (label, RTSTRUCT ROI or SEG segment), in the mask's order. */
    public static List<RoiResult> extractAll(String caseId, Path imageFile, Path maskFile, ExtractionSettings settings,
                                             ImageReadOptions options) throws ExtractionException {
        return extractAll(caseId, imageFile, maskFile, settings, options, null);
    }

    /**
     * As {@link #extractAll(String, Path, Path, ExtractionSettings, ImageReadOptions)}, reading the image and the mask
     * once; {@code families} (or null for the calling thread) computes each ROI's families.
     */
    public static List<RoiResult> extractAll(String caseId, Path imageFile, Path maskFile, ExtractionSettings settings,
                                             ImageReadOptions options, ExecutorService families) throws ExtractionException {
        LoadedImage image = readImage(imageFile, options);
        RoiSet rois = readRois(maskFile, image, options);
        if (rois.isEmpty()) throw new ExtractionException(maskFile, "holds no ROI");
        List<RoiResult> results = new ArrayList<>();
        for (String name : rois.names()) {
            results.add(extractRoi(caseId, name, image.volume(), selectRoi(rois, name), settings, families));
        }
        return results;
    }

    static RoiResult extractRoi(String caseId, String roiName, Volume image, Mask mask, ExtractionSettings settings,
                                ExecutorService families) throws ExtractionException {
        FeatureSet features;
        try {
            features = RoiFeatureExtractor.extract(image, mask, settings, families);
        } catch (IllegalArgumentException e) {
            throw new ExtractionException("case " + caseId + ", ROI " + roiName + ": " + e.getMessage(), e);
        }
        return new RoiResult(caseId, roiName, features);
    }

    static LoadedImage readImage(Path file, ImageReadOptions options) throws ExtractionException {
        try {
            return ImageFiles.load(file, options);
        } catch (ImageReadException e) {
            throw new ExtractionException(e.getMessage(), e);
        }
    }

    /** A label-map mask (NIfTI, NRRD), for callers that need its labels as such. */
    static LabelMap readMask(Path file) throws ExtractionException {
        try {
            return ImageFiles.readLabels(file);
        } catch (ImageReadException e) {
            throw new ExtractionException(e.getMessage(), e);
        }
    }

    static RoiSet readRois(Path maskFile, LoadedImage image, ImageReadOptions options) throws ExtractionException {
        try {
            return ImageFiles.readRois(maskFile, image, options);
        } catch (ImageReadException e) {
            throw new ExtractionException(e.getMessage(), e);
        }
    }

    /** The named ROI (or the default one); an unknown or empty ROI is an error listing the ROIs present. */
    static Mask selectRoi(RoiSet rois, String roi) throws ExtractionException {
        Mask mask;
        try {
            mask = roi == null ? rois.getDefault() : rois.get(roi);
        } catch (ImageReadException e) {
            throw new ExtractionException(e.getMessage(), e);
        }
        if (mask.isEmpty()) {
            throw new ExtractionException(rois.source(), "ROI '" + (roi == null ? rois.defaultName() : roi.trim())
                    + "' holds no voxel of the image grid");
        }
        return mask;
    }
}
