package org.radiome.bench;

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
import org.radiome.features.FeatureSet;
import org.radiome.features.RoiImage;
import org.radiome.features.morphology.Morphology;
import org.radiome.image.LabelMap;
import org.radiome.image.Volume;
import org.radiome.image.io.ImageFiles;

/**
 * Time of the morphology family, dominated by Moran's I and Geary's C on large ROIs, over PyRadiomics' brain1
 * MR image: {@code ellipsoid} is the non-zero region of data/bench/brain1_ellipsoid_label.nrrd (about 145,000
 * voxels), {@code brain1} is label 1 of data/pyradiomics/brain1_label.nrrd (4137 voxels). Run from the
 * repository root: {@code java -jar radiome-bench/target/benchmarks.jar MoranBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MoranBenchmark {
    @Param({"ellipsoid", "brain1"})
    public String roi;

    private RoiImage image;

    @Setup(Level.Trial)
    public void load() throws Exception {
        Path root = FamilyBenchmark.BenchData.root();
        Volume volume = ImageFiles.readVolume(root.resolve("data/pyradiomics/brain1_image.nrrd"));
        LabelMap labels = switch (roi) {
            case "ellipsoid" -> ImageFiles.readLabels(root.resolve("data/bench/brain1_ellipsoid_label.nrrd"));
            case "brain1" -> ImageFiles.readLabels(root.resolve("data/pyradiomics/brain1_label.nrrd"));
            default -> throw new IllegalArgumentException("unknown roi " + roi);
        };
        image = RoiImage.of(volume, roi.equals("ellipsoid") ? labels.nonZero() : labels.select(1));
    }

    @Benchmark
    public FeatureSet morphology() {
        return Morphology.compute(image);
    }
}
