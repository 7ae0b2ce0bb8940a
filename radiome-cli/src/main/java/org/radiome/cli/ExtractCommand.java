package org.radiome.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.radiome.engine.extract.CaseExtractor;
import org.radiome.engine.extract.ExtractionException;
import org.radiome.engine.extract.PyRadiomicsCaseExtractor;
import org.radiome.engine.extract.RoiResult;
import org.radiome.engine.settings.PyRadiomicsParamsReader;
import org.radiome.engine.settings.SettingsException;
import org.radiome.engine.settings.SettingsReader;
import org.radiome.features.pyradiomics.PyRadiomicsSettings;
import org.radiome.engine.sink.CsvFeatureWriter;
import org.radiome.features.ExtractionSettings;
import org.radiome.features.Family;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radiome extract}: the features of one image and mask. */
@Command(name = "extract",
        mixinStandardHelpOptions = true,
        description = {
            "Computes IBSI-1 features of one ROI and writes them as a CSV table: a header row, then one row with "
                + "case_id, roi and one column per feature, named by its IBSI tag (e.g. morph_volume, cm_joint_max_3D_avg), "
                + "in full double precision.",
            "",
            "Images and masks: NIfTI-1/2 (.nii, .nii.gz) and NRRD (.nrrd, .nhdr). The mask must lie on the image's grid; "
                + "it may hold several integer labels.",
            "",
            "With --pyradiomics-params instead of --settings, features are computed as PyRadiomics computes them from its "
                + "own parameter file, and columns are named as PyRadiomics names them (original_firstorder_Mean, "
                + "original_glcm_Contrast, original_shape_Sphericity, ...)."},
        footer = {"", "Example:",
            "  radiome extract --image data/ibsi-1/digital-phantom/nifti/image/phantom.nii.gz \\",
            "      --mask data/ibsi-1/digital-phantom/nifti/mask/mask.nii.gz \\",
            "      --settings settings/ibsi/digital-phantom.yaml --out phantom.csv",
            "  radiome extract --image data/pyradiomics/brain1_image.nrrd --mask data/pyradiomics/brain1_label.nrrd \\",
            "      --pyradiomics-params data/pyradiomics/params/baseline_original.yaml --out brain1.csv",
            "",
            "Exit status: 0 on success, 1 if the input cannot be used (one line on stderr says why),",
            "2 for a usage error."})
final class ExtractCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--image", required = true, paramLabel = "FILE", description = "The image (.nii, .nii.gz, .nrrd, .nhdr).")
    Path image;

    @Option(names = "--mask", required = true, paramLabel = "FILE", description = "The segmentation, on the image's grid.")
    Path mask;

    @Option(names = "--roi", paramLabel = "NAME|LABEL", description = "The label to use (default: every non-zero voxel).")
    String roi;

    @Option(names = "--settings", paramLabel = "FILE.yaml",
            description = "Extraction settings (see settings/ and the README), e.g. settings/ibsi/digital-phantom.yaml.")
    Path settings;

    @Option(names = "--pyradiomics-params", paramLabel = "PARAMS.yaml",
            description = "A PyRadiomics parameter file (imageType, featureClass, setting): PyRadiomics-compatible mode, "
                    + "instead of --settings. --roi overrides its label.")
    Path pyradiomicsParams;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "Where to write the feature table.")
    Path out;

    @Option(names = "--case-id", paramLabel = "ID", description = "The case_id column (default: the image file name without extension).")
    String caseId;

    @Option(names = "--families", split = ",", paramLabel = "PREFIX",
            description = "Compute only these families, by IBSI tag prefix: morph, loc, stat, ih, ivh, cm, rlm, szm, dzm, ngt, ngl.")
    List<String> families;

    @Override
    public Integer call() throws UserFacingException {
        if ((settings == null) == (pyradiomicsParams == null)) {
            throw new UserFacingException("give exactly one of --settings and --pyradiomics-params", 2);
        }
        if (pyradiomicsParams != null) return callPyRadiomics();
        ExtractionSettings s = loadSettings(settings, families);
        String id = caseId != null ? caseId : CaseExtractor.caseIdOf(image);
        RoiResult result;
        try {
            result = CaseExtractor.extract(id, image, mask, roi, s);
        } catch (ExtractionException e) {
            throw new UserFacingException(e.getMessage());
        }
        write(result, id);
        return 0;
    }

    private Integer callPyRadiomics() throws UserFacingException {
        if (families != null && !families.isEmpty()) {
            throw new UserFacingException("--families does not apply to --pyradiomics-params; enable classes under featureClass", 2);
        }
        PyRadiomicsSettings s;
        try {
            s = PyRadiomicsParamsReader.read(pyradiomicsParams);
        } catch (SettingsException e) {
            throw new UserFacingException(e.getMessage());
        }
        Integer label = null;
        if (roi != null) {
            try {
                label = Integer.valueOf(roi.trim());
            } catch (NumberFormatException e) {
                throw new UserFacingException("--roi '" + roi + "' is not a label number", 2);
            }
        }
        String id = caseId != null ? caseId : CaseExtractor.caseIdOf(image);
        RoiResult result;
        try {
            result = PyRadiomicsCaseExtractor.extract(id, image, mask, label, s);
        } catch (ExtractionException e) {
            throw new UserFacingException(e.getMessage());
        }
        write(result, id);
        return 0;
    }

    private void write(RoiResult result, String id) throws UserFacingException {
        try {
            CsvFeatureWriter.write(out, List.of(result));
        } catch (IOException e) {
            throw new UserFacingException(out + ": cannot write: " + e.getMessage());
        }
        spec.commandLine().getErr().println("radiome extract: " + result.features().size() + " features of case " + id + " written to " + out);
    }

    static ExtractionSettings loadSettings(Path file, List<String> families) throws UserFacingException {
        ExtractionSettings s;
        try {
            s = SettingsReader.read(file);
        } catch (SettingsException e) {
            throw new UserFacingException(e.getMessage());
        }
        if (families == null || families.isEmpty()) return s;
        Set<Family> wanted = EnumSet.noneOf(Family.class);
        try {
            for (String f : families) wanted.add(Family.byPrefix(f));
            return s.onlyFamilies(wanted);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("--families: " + e.getMessage(), 2);
        }
    }
}
