package org.radiome.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.radiome.engine.settings.SettingsReader;
import org.radiome.features.ExtractionSettings;
import org.radiome.features.Family;
import org.radiome.features.FeatureSet;
import org.radiome.features.RoiFeatureExtractor;
import org.radiome.features.RoiImage;
import org.radiome.features.discretisation.Discretiser;
import org.radiome.features.discretisation.GreyLevels;
import org.radiome.image.LabelMap;
import org.radiome.image.Volume;
import org.radiome.image.io.ImageFiles;

/**
 * Time per feature family on a real ROI, with settings/native.yaml (fixed bin number 32, 3D texture):
 * {@code roi=brain1}, PyRadiomics' brain1 MR case, label 1 (4137 voxels, a sparse ROI filling a quarter of its
 * 66×66×4 box), or {@code roi=ct}, the IBSI-1 CT phantom's lesion (125,256 voxels, dense in its box). Run from
 * the repository root: {@code java -jar radiome-bench/target/benchmarks.jar FamilyBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FamilyBenchmark {
    @Param({"morph", "loc", "stat", "ih", "ivh", "cm", "rlm", "szm", "dzm", "ngt", "ngl"})
    public String family;

    @Param({"brain1", "ct"})
    public String roiName;

    private Family selected;
    private RoiImage roi;
    private GreyLevels levels;
    private ExtractionSettings settings;

    @Setup(Level.Trial)
    public void load() throws Exception {
        Path root = BenchData.root();
        boolean ct = roiName.equals("ct");
        Volume image = ImageFiles.readVolume(root.resolve(ct ? "data/ibsi-1/ct-phantom/nifti/image/phantom.nii.gz"
                : "data/pyradiomics/brain1_image.nrrd"));
        LabelMap labels = ImageFiles.readLabels(root.resolve(ct ? "data/ibsi-1/ct-phantom/nifti/mask/mask.nii.gz"
                : "data/pyradiomics/brain1_label.nrrd"));
        roi = RoiImage.of(image, labels.select(1));
        settings = SettingsReader.read(root.resolve("settings/native.yaml"));
        levels = Discretiser.discretise(roi, settings.discretisation());
        selected = Family.byPrefix(family);
    }

    @Benchmark
    public FeatureSet family() {
        return RoiFeatureExtractor.compute(selected, roi, levels, settings);
    }

    /** Finds the repository root from the working directory. */
    static final class BenchData {
        static Path root() {
            Path p = Path.of("").toAbsolutePath();
            while (p != null && !Files.isDirectory(p.resolve("data/pyradiomics"))) p = p.getParent();
            if (p == null) throw new IllegalStateException("run the benchmarks from inside the Radiome repository");
            return p;
        }
    }
}
