package org.radiome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code radiome extract --pyradiomics-params}: PyRadiomics's column names and values on brain1, checked against
 * PyRadiomics's baseline tables ({@code data/pyradiomics/baseline}), and bad input. The brain1 mesh features are
 * compared with the public PyRadiomics code's values that {@code data/pyradiomics/README.md} gives.
 */
class ExtractPyRadiomicsTest {
    static final String IMAGE = "data/pyradiomics/brain1_image.nrrd";
    static final String MASK = "data/pyradiomics/brain1_label.nrrd";
    static final String PARAMS = "data/pyradiomics/params/baseline_original.yaml";

    @TempDir
    Path tmp;

    @Test
    void brain1_columns_and_values_match_the_pyradiomics_baseline() throws IOException {
        Path out = tmp.resolve("brain1.csv");
        CliRun run = CliRun.of("extract", "--image", CliRun.path(IMAGE), "--mask", CliRun.path(MASK),
                "--pyradiomics-params", CliRun.path(PARAMS), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(2);
        List<String> header = List.of(lines.get(0).split(","));
        List<String> row = List.of(lines.get(1).split(","));
        assertThat(header.get(0)).isEqualTo("case_id");
        assertThat(row.get(0)).isEqualTo("brain1_image");

        assertMatchesBrain1Baseline(header, row);
    }

    /**
     * The PyRadiomics baseline of plain brain1, with the four mesh features replaced by the public code's values
     * (data/pyradiomics/README.md: the baseline's came from an unreleased build).
     */
    static Map<String, Double> brain1Expected() throws IOException {
        Map<String, Double> baseline = baseline("brain1");
        baseline.put("original_shape_SurfaceArea", 6438.821603779402);
        baseline.put("original_shape_MeshVolume", 16147.51180013021);
        baseline.put("original_shape_Sphericity", 0.4798234536231475);
        baseline.put("original_shape_SurfaceVolumeRatio", 0.3987500788652454);
        return baseline;
    }

    /** Every original_* column of {@code row} equals brain1's expected value within 1e-6 relative, and none is missing. */
    static void assertMatchesBrain1Baseline(List<String> header, List<String> row) throws IOException {
        Map<String, Double> baseline = brain1Expected();
        List<String> features = header.stream().filter(h -> h.startsWith("original_")).toList();
        assertThat(features).containsExactlyInAnyOrderElementsOf(baseline.keySet());
        for (String f : features) {
            double got = Double.parseDouble(row.get(header.indexOf(f)));
            double want = baseline.get(f);
            assertThat(Math.abs(got - want)).as(f + ": expected " + want + ", actual " + got).isLessThanOrEqualTo(1e-6 * Math.abs(want));
        }
    }

    @Test
    void settings_and_pyradiomics_params_are_mutually_exclusive() {
        CliRun run = CliRun.of("extract", "--image", CliRun.path(IMAGE), "--mask", CliRun.path(MASK),
                "--pyradiomics-params", CliRun.path(PARAMS), "--settings", CliRun.path("settings/native.yaml"),
                "--out", tmp.resolve("o.csv").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("exactly one of --settings and --pyradiomics-params");
    }

    @Test
    void unknown_parameter_key_names_the_key() throws IOException {
        Path params = tmp.resolve("bad.yaml");
        Files.writeString(params, "imageType:\n  Original: {}\nsetting:\n  binWidht: 25\n");
        CliRun run = CliRun.of("extract", "--image", CliRun.path(IMAGE), "--mask", CliRun.path(MASK),
                "--pyradiomics-params", params.toString(), "--out", tmp.resolve("o.csv").toString());
        ExtractBadInputTest.assertOneLineError(run, "bad.yaml", "setting.binWidht", "unknown key");
    }

    @Test
    void absent_label_is_one_line_naming_the_labels_present() throws IOException {
        Path params = tmp.resolve("label.yaml");
        Files.writeString(params, "featureClass:\n  firstorder:\nsetting:\n  label: 7\n");
        CliRun run = CliRun.of("extract", "--image", CliRun.path(IMAGE), "--mask", CliRun.path(MASK),
                "--pyradiomics-params", params.toString(), "--out", tmp.resolve("o.csv").toString());
        ExtractBadInputTest.assertOneLineError(run, "label 7 is not present", "labels present: 1");
    }

    /** The feature rows of one column of the eight baseline tables. */
    static Map<String, Double> baseline(String column) throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String cls : List.of("firstorder", "shape", "glcm", "glrlm", "glszm", "gldm", "ngtdm")) {
            List<String> lines = Files.readAllLines(CliRun.root().resolve("data/pyradiomics/baseline/baseline_" + cls + ".csv"));
            int c = cells(lines.get(0)).indexOf(column);
            for (String line : lines.subList(1, lines.size())) {
                List<String> cells = cells(line);
                if (cells.get(0).startsWith("original_") && !cells.get(c).isEmpty()) out.put(cells.get(0), Double.parseDouble(cells.get(c)));
            }
        }
        return out;
    }

    private static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (char ch : line.toCharArray()) {
            if (ch == '"') quoted = !quoted;
            else if (ch == ',' && !quoted) {
                out.add(cell.toString());
                cell.setLength(0);
            } else cell.append(ch);
        }
        out.add(cell.toString());
        return out;
    }
}
