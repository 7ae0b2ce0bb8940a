package org.radiome.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.radiome.engine.extract.CaseExtractor;
import org.radiome.engine.extract.ExtractionException;
import org.radiome.engine.extract.RoiResult;
import org.radiome.engine.sink.CsvFeatureWriter;
import org.radiome.features.ExtractionSettings;
import org.radiome.features.compliance.ReferenceTable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radiome demo}: the main job on bundled sample data, with an IBSI compliance check. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {
            "Runs feature extraction on the bundled sample data and says where the results are:",
            "  1. the IBSI-1 digital phantom with the IBSI reference settings, checked against all",
            "     published reference values (the IBSI workbook's tolerance rule);",
            "  2. the IBSI-1 lung CT phantom read from its DICOM series and RTSTRUCT (ROI GTV-1), processed as IBSI",
            "     configuration C and checked against that configuration's reference values;",
            "  3. PyRadiomics' brain1 MR case (label 1) with settings/native.yaml."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: radiome-output/demo).")
    Path out = Path.of("radiome-output", "demo");

    @Override
    public Integer call() throws UserFacingException {
        PrintWriter stdout = spec.commandLine().getOut();
        Path home = Path.of(System.getProperty("radiome.home", "."));
        Path data = home.resolve("data");
        if (!Files.isDirectory(data.resolve("ibsi-1"))) {
            throw new UserFacingException(data + ": bundled sample data not found; run the demo from the repository (./radiome demo)");
        }
        Path phantomCsv = out.resolve("ibsi-digital-phantom.csv");
        ExtractionSettings ibsi = ExtractCommand.loadSettings(home.resolve("settings/ibsi/digital-phantom.yaml"), null);
        RoiResult phantom = run("ibsi-digital-phantom",
                data.resolve("ibsi-1/digital-phantom/nifti/image/phantom.nii.gz"),
                data.resolve("ibsi-1/digital-phantom/nifti/mask/mask.nii.gz"), null, ibsi, phantomCsv);

        int[] digital = compare(phantom, data.resolve("ibsi-1/reference-values/ibsi_1_reference_values_digital_phantom.csv"), stdout);
        stdout.printf("IBSI-1 digital phantom: %d features, %d of %d IBSI reference values reproduced -> %s%n",
                phantom.features().size(), digital[0], digital[1], phantomCsv);

        Path ctCsv = out.resolve("ibsi-ct-phantom-config-C.csv");
        ExtractionSettings configC = ExtractCommand.loadSettings(home.resolve("settings/ibsi/config-C.yaml"), null);
        long tc = System.nanoTime();
        RoiResult ct = run("ibsi-ct-phantom", data.resolve("ibsi-1/ct-phantom/dicom/image"),
                data.resolve("ibsi-1/ct-phantom/dicom/mask/DCM_RS_00060.dcm"), "GTV-1", configC, ctCsv);
        int[] lung = compare(ct, data.resolve("ibsi-1/reference-values/ibsi_1_reference_values_config_C.csv"), stdout);
        stdout.printf("IBSI-1 lung CT phantom, DICOM series + RTSTRUCT GTV-1, configuration C (2 mm trilinear, [-1000, 400] HU, "
                + "bin width 25): %d of %d IBSI reference values reproduced in %.2f s -> %s%n",
                lung[0], lung[1], (System.nanoTime() - tc) / 1e9, ctCsv);

        Path brainCsv = out.resolve("brain1.csv");
        ExtractionSettings nat = ExtractCommand.loadSettings(home.resolve("settings/native.yaml"), null);
        long t0 = System.nanoTime();
        RoiResult brain = run("brain1", data.resolve("pyradiomics/brain1_image.nrrd"), data.resolve("pyradiomics/brain1_label.nrrd"), "1", nat, brainCsv);
        stdout.printf("brain1 MR (label 1, settings/native.yaml): %d features in %.2f s -> %s%n",
                brain.features().size(), (System.nanoTime() - t0) / 1e9, brainCsv);
        return digital[0] == digital[1] && lung[0] == lung[1] ? 0 : 1;
    }

    /** {matched, with a value}: the workbook rule applied to every reference row that has a value; mismatches printed. */
    private static int[] compare(RoiResult result, Path referenceCsv, PrintWriter stdout) {
        int withValue = 0, matched = 0;
        for (ReferenceTable.Row r : ReferenceTable.read(referenceCsv)) {
            if (r.value() == null) continue;
            withValue++;
            boolean present = result.features().contains(r.tag());
            if (present && r.matches(result.features().get(r.tag()))) {
                matched++;
            } else {
                stdout.println("  mismatch: " + r.tag() + " expected " + r.value() + " ± " + r.tolerance()
                        + ", got " + (present ? result.features().get(r.tag()) : "nothing"));
            }
        }
        return new int[] {matched, withValue};
    }

    private static RoiResult run(String caseId, Path image, Path mask, String roi, ExtractionSettings s, Path csv) throws UserFacingException {
        try {
            RoiResult r = CaseExtractor.extract(caseId, image, mask, roi, s);
            CsvFeatureWriter.write(csv, List.of(r));
            return r;
        } catch (ExtractionException e) {
            throw new UserFacingException(e.getMessage());
        } catch (IOException e) {
            throw new UserFacingException(csv + ": cannot write: " + e.getMessage());
        }
    }
}
