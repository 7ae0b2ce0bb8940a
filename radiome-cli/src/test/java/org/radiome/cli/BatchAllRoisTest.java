package org.radiome.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.radiome.cli.BatchFixtures.BRAIN_IMAGE;
import static org.radiome.cli.BatchFixtures.BRAIN_LABEL;
import static org.radiome.cli.BatchFixtures.ELLIPSOID_LABEL;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radiome.image.Grid;
import org.radiome.image.LabelMap;
import org.radiome.image.io.ImageFiles;

/**
 * {@code --all-rois} on a multi-label mask built from PyRadiomics' brain1 label (label 1) and one
 * slice of the bench ellipsoid outside it (label 2): one row per label, each equal to extracting that
 * region alone from its own mask file, with the voxel-counting volume equal to the label's voxel
 * count times the voxel volume; in PyRadiomics-compatible mode too, where the label 1 row is brain1's case.
 */
class BatchAllRoisTest {
    static final int ELLIPSOID_SLICE = 12;

    @TempDir
    Path tmp;

    @Test
    void every_label_becomes_its_own_row_computed_as_if_alone() throws Exception {
        LabelMap brain = ImageFiles.readLabels(CliRun.root().resolve(BRAIN_LABEL));
        LabelMap ellipsoid = ImageFiles.readLabels(CliRun.root().resolve(ELLIPSOID_LABEL));
        Grid grid = brain.grid();
        int sliceSize = grid.nx() * grid.ny();
        int[] both = new int[grid.voxelCount()];
        int[] secondOnly = new int[grid.voxelCount()];
        int firstCount = 0, secondCount = 0;
        for (int i = 0; i < both.length; i++) {
            if (brain.labels()[i] != 0) {
                both[i] = 1;
                firstCount++;
            } else if (ellipsoid.labels()[i] != 0 && i / sliceSize == ELLIPSOID_SLICE) {
                both[i] = 2;
                secondOnly[i] = 1;
                secondCount++;
            }
        }
        assertThat(secondCount).isGreaterThan(1000);
        Path multi = tmp.resolve("multi_label.nrrd");
        Path second = tmp.resolve("second_alone.nrrd");
        BatchFixtures.writeLabels(multi, CliRun.root().resolve(BRAIN_LABEL), both);
        BatchFixtures.writeLabels(second, CliRun.root().resolve(BRAIN_LABEL), secondOnly);

        for (String[] mode : new String[][] {{"--settings", CliRun.path("settings/native.yaml")},
                {"--pyradiomics-params", CliRun.path("data/pyradiomics/params/baseline_original.yaml")}}) {
            Path manifest = BatchFixtures.write(tmp.resolve("cases.csv"), "case_id,image,mask", "brain1," + CliRun.path(BRAIN_IMAGE) + ",multi_label.nrrd");
            Path out = tmp.resolve("all" + mode[0] + ".csv");
            // One case and four threads: the case's families run on the shared pool.
            CliRun run = CliRun.of("batch", "--manifest", manifest.toString(), mode[0], mode[1],
                    "--out", out.toString(), "--all-rois", "--threads", "4");
            assertThat(run.exitCode()).as(run.err()).isZero();
            List<Map<String, String>> rows = BatchFixtures.readTable(out);
            assertThat(rows).extracting(r -> r.get("roi")).containsExactly("1", "2");

            Map<String, String> first = extractAlone(CliRun.path(BRAIN_LABEL), "1", mode);
            Map<String, String> alone = extractAlone(second.toString(), "1", mode);
            assertSameFeatures(rows.get(0), first);
            assertSameFeatures(rows.get(1), alone);
            double voxelVolume = grid.spacing(0) * grid.spacing(1) * grid.spacing(2);
            String volume = mode[0].equals("--settings") ? "morph_vol_approx" : "original_shape_VoxelVolume";
            assertThat(Double.parseDouble(rows.get(0).get(volume))).isCloseTo(firstCount * voxelVolume, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(Double.parseDouble(rows.get(1).get(volume))).isCloseTo(secondCount * voxelVolume, org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    private Map<String, String> extractAlone(String mask, String roi, String[] mode) throws Exception {
        Path out = tmp.resolve("alone-" + Math.abs(mask.hashCode()) + mode[0] + ".csv");
        CliRun run = CliRun.of("extract", "--image", CliRun.path(BRAIN_IMAGE), "--mask", mask, "--roi", roi,
                mode[0], mode[1], "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return BatchFixtures.readTable(out).get(0);
    }

    private static void assertSameFeatures(Map<String, String> batchRow, Map<String, String> aloneRow) {
        assertThat(batchRow.keySet()).containsExactlyElementsOf(aloneRow.keySet());
        for (String column : aloneRow.keySet()) {
            if (column.equals("case_id") || column.equals("roi")) continue;
            assertThat(batchRow.get(column)).as(column).isEqualTo(aloneRow.get(column));
        }
    }
}
