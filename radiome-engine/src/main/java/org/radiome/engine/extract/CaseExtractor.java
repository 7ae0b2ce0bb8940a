package org.radiome.engine.extract;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

import org.radiome.features.ExtractionSettings;
import org.radiome.features.FeatureSet;
import org.radiome.features.RoiFeatureExtractor;
import org.radiome.features.RoiImage;
import org.radiome.image.LabelMap;
import org.radiome.image.Mask;
import org.radiome.image.Volume;
import org.radiome.image.io.ImageFiles;
import org.radiome.image.io.ImageReadException;

/**
 * Extracts the features of one case from an image file and a mask file: reads both, checks that
 * they share a grid, selects the ROI and computes the configured families. Every failure becomes an
 * {@link ExtractionException} whose message names the file and the problem.
 *
 * <p>Stateless and thread-safe.
 */
public final class CaseExtractor {
    private CaseExtractor() {}

    /** Case id from an image file name: the name without directory and image extensions. */
    public static String caseIdOf(Path image) {
        String name = image.getFileName().toString();
        for (String ext : new String[] {".nii.gz", ".nii", ".nrrd", ".nhdr"}) {
            if (name.toLowerCase(Locale.ROOT).endsWith(ext)) return name.substring(0, name.length() - ext.length());
        }
        return name;
    }

    /**
     * @param roi a label number, or null for every non-zero voxel
     */
    public static RoiResult extract(String caseId, Path imageFile, Path maskFile, String roi, ExtractionSettings settings)
            throws ExtractionException {
        return extract(caseId, imageFile, maskFile, roi, settings, null);
    }

    /**
     * As {@link #extract(String, Path, Path, String, ExtractionSettings)}, computing the feature
     * families concurrently on {@code families} when it is not null (see
     * {@link RoiFeatureExtractor#extract(RoiImage, ExtractionSettings, ExecutorService)}).
     */
    public static RoiResult extract(String caseId, Path imageFile, Path maskFile, String roi, ExtractionSettings settings,
            ExecutorService families) throws ExtractionException {
        Volume image = readImage(imageFile);
        LabelMap labels = readMask(maskFile);
        String mismatch = image.grid().describeDifference(labels.grid());
        if (mismatch != null) {
            throw new ExtractionException(maskFile, "mask grid does not match the image " + imageFile.getFileName() + ": " + mismatch);
        }
        Mask mask = selectRoi(maskFile, labels, roi);
        String roiName = roi == null ? "nonzero" : roi.trim();
        return new RoiResult(caseId, roiName, features(caseId, roiName, image, mask, settings, families));
    }

    /**
     * Every label of the mask as its own ROI, in increasing label order, reading the image and the
     * mask once: one {@link RoiResult} per label, named by the label number. A mask without any
     * non-zero voxel is an error.
     *
     * @param families executor for the feature families of each ROI, or null for the calling thread
     */
    public static List<RoiResult> extractAllRois(String caseId, Path imageFile, Path maskFile, ExtractionSettings settings,
            ExecutorService families) throws ExtractionException {
        Volume image = readImage(imageFile);
        LabelMap labels = readMask(maskFile);
        String mismatch = image.grid().describeDifference(labels.grid());
        if (mismatch != null) {
            throw new ExtractionException(maskFile, "mask grid does not match the image " + imageFile.getFileName() + ": " + mismatch);
        }
        SortedSet<Integer> present = labels.presentLabels();
        if (present.isEmpty()) throw new ExtractionException(maskFile, "the mask is empty (no non-zero voxels)");
        List<RoiResult> results = new ArrayList<>(present.size());
        for (int label : present) {
            String roiName = Integer.toString(label);
            results.add(new RoiResult(caseId, roiName, features(caseId, roiName, image, labels.select(label), settings, families)));
        }
        return results;
    }

    private static FeatureSet features(String caseId, String roiName, Volume image, Mask mask, ExtractionSettings settings,
            ExecutorService families) throws ExtractionException {
        try {
            RoiImage roiImage = RoiImage.of(image, mask);
            return families == null ? RoiFeatureExtractor.extract(roiImage, settings)
                    : RoiFeatureExtractor.extract(roiImage, settings, families);
        } catch (IllegalArgumentException e) {
            throw new ExtractionException("case " + caseId + ", ROI " + roiName + ": " + e.getMessage(), e);
        }
    }

    static Volume readImage(Path file) throws ExtractionException {
        try {
            return ImageFiles.readVolume(file);
        } catch (ImageReadException e) {
            throw new ExtractionException(e.getMessage(), e);
        }
    }

    static LabelMap readMask(Path file) throws ExtractionException {
        try {
            return ImageFiles.readLabels(file);
        } catch (ImageReadException e) {
            throw new ExtractionException(e.getMessage(), e);
        }
    }

    /** The voxels of label {@code roi} (or all non-zero voxels); an empty ROI is an error listing the labels present. */
    static Mask selectRoi(Path maskFile, LabelMap labels, String roi) throws ExtractionException {
        SortedSet<Integer> present = labels.presentLabels();
        String presentText = present.isEmpty() ? "none"
                : present.stream().map(String::valueOf).collect(Collectors.joining(", "));
        if (roi == null) {
            if (present.isEmpty()) throw new ExtractionException(maskFile, "the mask is empty (no non-zero voxels)");
            return labels.nonZero();
        }
        int label;
        try {
            label = Integer.parseInt(roi.trim());
        } catch (NumberFormatException e) {
            throw new ExtractionException(maskFile, "ROI '" + roi + "' is not a label number; this label map has labels " + presentText);
        }
        if (!present.contains(label)) {
            throw new ExtractionException(maskFile, "ROI label " + label + " is empty; labels present: " + presentText);
        }
        return labels.select(label);
    }
}
