package org.radiome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code radiome batch --pyradiomics-params}: every row equals PyRadiomics's baseline for brain1. */
class BatchPyRadiomicsTest {
    @Test
    void every_case_matches_the_pyradiomics_baseline(@TempDir Path tmp) throws Exception {
        Path manifest = tmp.resolve("cases.csv");
        String image = CliRun.path("data/pyradiomics/brain1_image.nrrd"), mask = CliRun.path("data/pyradiomics/brain1_label.nrrd");
        Files.writeString(manifest, "case_id,image,mask,site\nA," + image + "," + mask + ",x\nB," + image + "," + mask + ",y\n");
        Path out = tmp.resolve("features.csv");
        CliRun run = CliRun.of("batch", "--manifest", manifest.toString(),
                "--pyradiomics-params", CliRun.path("data/pyradiomics/params/baseline_original.yaml"),
                "--out", out.toString(), "--threads", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(3);
        List<String> header = List.of(lines.get(0).split(","));
        assertThat(header.subList(0, 3)).containsExactly("case_id", "roi", "site");
        for (String line : lines.subList(1, 3)) {
            List<String> row = List.of(line.split(","));
            assertThat(row.get(1)).isEqualTo("1");
            ExtractPyRadiomicsTest.assertMatchesBrain1Baseline(header, row);
        }
    }

    @Test
    void settings_and_pyradiomics_params_are_mutually_exclusive(@TempDir Path tmp) {
        CliRun run = CliRun.of("batch", "--manifest", tmp.resolve("m.csv").toString(),
                "--pyradiomics-params", CliRun.path("data/pyradiomics/params/baseline_original.yaml"),
                "--settings", CliRun.path("settings/native.yaml"), "--out", tmp.resolve("o.csv").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("mutually exclusive");
    }
}
