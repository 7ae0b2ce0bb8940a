package org.radiome.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code radiome aot-training} (hidden): the training run from which the {@code ./radiome} launcher builds the
 * JVM's ahead-of-time cache on a JDK that has one (JDK 25+, {@code -XX:AOTCacheOutput}). It runs the hot paths of
 * real work on a small cohort of the bundled data — a batch in PyRadiomics mode and one with every IBSI family —
 * so the cache holds their classes already loaded and linked, and their method profiles, and a later run spends
 * far less of its time in start-up and JIT warm-up (docs/performance.md). Writes only into a temporary folder.
 */
@Command(name = "aot-training", hidden = true,
        description = "Training run for the launcher's JVM ahead-of-time cache (internal).")
final class AotTrainingCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws UserFacingException {
        Path home = Path.of(System.getProperty("radiome.home", "."));
        Path data = home.resolve("data");
        Path brainImage = data.resolve("pyradiomics/brain1_image.nrrd");
        Path brainLabel = data.resolve("pyradiomics/brain1_label.nrrd");
        Path ellipsoid = data.resolve("bench/brain1_ellipsoid_label.nrrd");
        Path ctImage = data.resolve("ibsi-1/ct-phantom/nifti/image/phantom.nii.gz");
        Path ctMask = data.resolve("ibsi-1/ct-phantom/nifti/mask/mask.nii.gz");
        for (Path p : List.of(brainImage, brainLabel, ellipsoid, ctImage, ctMask)) {
            if (!Files.isRegularFile(p)) throw new UserFacingException(p + ": bundled sample data not found");
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("radiome-aot-training");
            Path manifest = dir.resolve("cases.csv");
            StringBuilder rows = new StringBuilder("case_id,image,mask\n");
            rows.append("t1,").append(brainImage.toAbsolutePath()).append(',').append(brainLabel.toAbsolutePath()).append('\n');
            rows.append("t2,").append(brainImage.toAbsolutePath()).append(',').append(ellipsoid.toAbsolutePath()).append('\n');
            rows.append("t3,").append(ctImage.toAbsolutePath()).append(',').append(ctMask.toAbsolutePath()).append('\n');
            rows.append("t4,").append(ctImage.toAbsolutePath()).append(',').append(ctMask.toAbsolutePath()).append('\n');
            Files.writeString(manifest, rows);
            run("batch", "--manifest", manifest.toString(), "--threads", "2", "--pyradiomics-params",
                    data.resolve("pyradiomics/params/baseline_original.yaml").toString(), "--out", dir.resolve("pyradiomics.csv").toString());
            run("batch", "--manifest", manifest.toString(), "--threads", "2", "--settings",
                    home.resolve("settings/native.yaml").toString(), "--out", dir.resolve("native.csv").toString());
            return 0;
        } catch (IOException e) {
            throw new UserFacingException("AOT training run: " + e.getMessage());
        } finally {
            if (dir != null) deleteTree(dir);
        }
    }

    private static void run(String... args) throws UserFacingException {
        StringWriter log = new StringWriter();
        CommandLine cl = Radiome.commandLine(args);
        cl.setOut(new PrintWriter(log));
        cl.setErr(new PrintWriter(log));
        int code = cl.execute(args);
        if (code != 0) throw new UserFacingException("AOT training run failed (" + args[0] + ", exit " + code + "): " + log);
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
