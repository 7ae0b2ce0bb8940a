package org.radiome.bench;

import java.util.List;
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
import org.radiome.features.pyradiomics.FeatureClass;
import org.radiome.features.pyradiomics.PyRadiomicsExtractor;
import org.radiome.features.pyradiomics.PyRadiomicsSettings;
import org.radiome.image.LabelMap;
import org.radiome.image.Volume;
import org.radiome.image.io.ImageFiles;

/**
 * Time of one PyRadiomics-mode class on a whole case, the ROI preparation included (label check, mask, bounding
 * box, crop): the IBSI CT phantom with its 125,256-voxel GTV lesion (image 204 × 201 × 60), the settings of
 * {@code data/pyradiomics/params/baseline_original.yaml} (bin width 25, 3D). Images are read once beforehand.
 * Run from the repository root: {@code java -jar radiome-bench/target/benchmarks.jar PyRadiomicsCaseBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PyRadiomicsCaseBenchmark {
    @Param({"firstorder", "shape", "glcm"})
    public String featureClass;

    private Volume image;
    private LabelMap labels;
    private PyRadiomicsSettings settings;

    @Setup(Level.Trial)
    public void load() throws Exception {
        var root = FamilyBenchmark.BenchData.root().resolve("data/ibsi-1/ct-phantom/nifti");
        image = ImageFiles.readVolume(root.resolve("image/phantom.nii.gz"));
        labels = ImageFiles.readLabels(root.resolve("mask/mask.nii.gz"));
        FeatureClass c = FeatureClass.byPyName(featureClass);
        if (c == null) throw new IllegalArgumentException("no PyRadiomics feature class " + featureClass);
        settings = new PyRadiomicsSettings.Builder().enable(c, List.of()).label(1).binWidth(25).voxelArrayShift(2000)
                .minimumRoiDimensions(1).build();
    }

    @Benchmark
    public FeatureSet extract() {
        return PyRadiomicsExtractor.extract(image, labels, settings);
    }
}
