package org.radiome.features.pyradiomics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.radiome.features.discretisation.GreyLevels;
import org.radiome.features.glszm.Glszm;
import org.radiome.features.ngldm.Ngldm;
import org.radiome.features.ngtdm.Ngtdm;
import org.radiome.features.texture.LevelCountMatrix;
import org.radiome.features.texture.TextureDimension;
import org.radiome.image.LabelMap;
import org.radiome.image.Volume;
import org.radiome.image.io.ImageFiles;

/**
 * The texture matrices of PyRadiomics-compatible mode against PyRadiomics's own matrices for brain1
 * ({@code data/pyradiomics/baseline/matrices/brain1_<class>.npy}: GLCM normalised per angle, the others counts, after
 * PyRadiomics removed the grey levels and columns without entries), with the settings of the plain brain1 column
 * ({@code params/baseline_original.yaml}: bin width 25, label 1, distance 1). Upstream checks these to 1e-3 absolute;
 * here counts must be equal and probabilities agree to 1e-12. The lung1 matrices cannot be checked: the lung1 image
 * is not in the repository (see the data README).
 */
class PyRadiomicsMatricesTest {
    static GreyLevels levels;
    static int[] present;
    static Path matrices;

    @BeforeAll
    static void brain1() throws Exception {
        Path data = dataDir();
        matrices = data.resolve("baseline/matrices");
        Volume image = ImageFiles.readVolume(data.resolve("brain1_image.nrrd"));
        LabelMap labels = ImageFiles.readLabels(data.resolve("brain1_label.nrrd"));
        PyRadiomicsSettings s = new PyRadiomicsSettings.Builder().enable(FeatureClass.GLCM, List.of())
                .binWidth(25).label(1).distances(List.of(1)).minimumRoiDimensions(1).build();
        levels = PyRadiomicsExtractor.prepare(image, org.radiome.image.io.PixelType.INT16, labels, s).planar().greyLevels(s);
        boolean[] seen = new boolean[levels.levelCount() + 1];
        for (int l : levels.levels()) seen[l] = true;
        List<Integer> p = new ArrayList<>();
        for (int l = 1; l <= levels.levelCount(); l++) if (seen[l]) p.add(l);
        present = p.stream().mapToInt(Integer::intValue).toArray();
    }

    static Path dataDir() {
        String root = System.getProperty("radiome.root");
        Path p = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("data/pyradiomics"))) p = p.getParent();
        return p.resolve("data/pyradiomics");
    }

    @Test
    void glcm_per_angle_matches() throws Exception {
        Npy expected = Npy.read(matrices.resolve("brain1_glcm.npy"));
        List<int[]> angles = Angles.of(List.of(1), false, false);
        assertThat(expected.shape()).containsExactly(present.length, present.length, angles.size());
        List<double[]> ours = CooccurrenceFeatures.matrices(levels, angles, true);
        int ng = levels.levelCount();
        for (int a = 0; a < angles.size(); a++) {
            double[] m = ours.get(a);
            double total = 0;
            for (double v : m) total += v;
            for (int i = 0; i < present.length; i++) {
                for (int j = 0; j < present.length; j++) {
                    double got = m[(present[i] - 1) * ng + (present[j] - 1)] / total;
                    assertThat(got).as("GLCM angle %d (%s), levels %d, %d", a, java.util.Arrays.toString(angles.get(a)), present[i], present[j])
                            .isCloseTo(expected.get(i, j, a), org.assertj.core.data.Offset.offset(1e-12));
                }
            }
        }
    }

    @Test
    void glrlm_per_angle_matches() throws Exception {
        Npy expected = Npy.read(matrices.resolve("brain1_glrlm.npy"));
        List<int[]> angles = Angles.of(List.of(1), false, false);
        List<double[]> ours = RunLengthFeatures.matrices(levels, angles);
        int ng = levels.levelCount(), maxRun = ours.get(0).length / ng;
        List<Integer> lengths = new ArrayList<>();
        for (int j = 0; j < maxRun; j++) {
            double column = 0;
            for (double[] m : ours) for (int i = 0; i < ng; i++) column += m[i * maxRun + j];
            if (column > 0) lengths.add(j);
        }
        assertThat(expected.shape()).containsExactly(present.length, lengths.size(), angles.size());
        for (int a = 0; a < angles.size(); a++) {
            for (int i = 0; i < present.length; i++) {
                for (int j = 0; j < lengths.size(); j++) {
                    assertThat(ours.get(a)[(present[i] - 1) * maxRun + lengths.get(j)])
                            .as("GLRLM angle %d, level %d, run length %d", a, present[i], lengths.get(j) + 1)
                            .isEqualTo(expected.get(i, j, a));
                }
            }
        }
    }

    @Test
    void glszm_matches() throws Exception {
        assertLevelCountMatrix(Glszm.matrix(levels, TextureDimension.THREE_D), Npy.read(matrices.resolve("brain1_glszm.npy")), "GLSZM");
    }

    @Test
    void gldm_matches() throws Exception {
        assertLevelCountMatrix(Ngldm.matrix(levels, TextureDimension.THREE_D, 1, 0), Npy.read(matrices.resolve("brain1_gldm.npy")), "GLDM");
    }

    @Test
    void ngtdm_matches() throws Exception {
        Npy expected = Npy.read(matrices.resolve("brain1_ngtdm.npy"));
        double[][] ns = Ngtdm.matrix(levels, TextureDimension.THREE_D, 1, Ngtdm.Deviations.PYRADIOMICS);
        assertThat(expected.shape()).containsExactly(present.length, 3);
        for (int i = 0; i < present.length; i++) {
            assertThat(ns[0][present[i]]).as("NGTDM n, level %d", present[i]).isEqualTo(expected.get(i, 0));
            assertThat(ns[1][present[i]]).as("NGTDM s, level %d", present[i]).isCloseTo(expected.get(i, 1), org.assertj.core.data.Offset.offset(1e-9));
            assertThat((double) present[i]).as("NGTDM grey level").isEqualTo(expected.get(i, 2));
        }
    }

    private static void assertLevelCountMatrix(LevelCountMatrix m, Npy expected, String name) {
        List<Integer> columns = new ArrayList<>();
        for (int j = 1; j <= m.maxColumn(); j++) {
            double column = 0;
            for (int level : present) column += m.count(level, j);
            if (column > 0) columns.add(j);
        }
        assertThat(expected.shape()).as(name + " shape").containsExactly(present.length, columns.size());
        for (int i = 0; i < present.length; i++) {
            for (int j = 0; j < columns.size(); j++) {
                assertThat(m.count(present[i], columns.get(j))).as("%s level %d, column %d", name, present[i], columns.get(j))
                        .isEqualTo(expected.get(i, j));
            }
        }
    }
}
