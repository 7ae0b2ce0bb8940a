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
            "  2. PyRadiomics' brain1 MR case (label 1) with settings/native.yaml."})
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

        List<ReferenceTable.Row> rows = ReferenceTable.read(data.resolve("ibsi-1/reference-values/ibsi_1_reference_values_digital_phantom.csv"));
        int withValue = 0, matched = 0;
        for (ReferenceTable.Row r : rows) {
            if (r.value() == null) continue;
            withValue++;
            if (phantom.features().contains(r.tag()) && r.matches(phantom.features().get(r.tag()))) {
                matched++;
            } else {
                stdout.println("  mismatch: " + r.tag() + " expected " + r.value() + " ± " + r.tolerance()
                        + ", got " + (phantom.features().contains(r.tag()) ? phantom.features().get(r.tag()) : "nothing"));
            }
        }
        stdout.printf("IBSI-1 digital phantom: %d features, %d of %d IBSI reference values reproduced -> %s%n",
                phantom.features().size(), matched, withValue, phantomCsv);

        Path brainCsv = out.resolve("brain1.csv");
        ExtractionSettings nat = ExtractCommand.loadSettings(home.resolve("settings/native.yaml"), null);
        long t0 = System.nanoTime();
        RoiResult brain = run("brain1", data.resolve("pyradiomics/brain1_image.nrrd"), data.resolve("pyradiomics/brain1_label.nrrd"), "1", nat, brainCsv);
        stdout.printf("brain1 MR (label 1, settings/native.yaml): %d features in %.2f s -> %s%n",
                brain.features().size(), (System.nanoTime() - t0) / 1e9, brainCsv);
        return matched == withValue ? 0 : 1;
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
