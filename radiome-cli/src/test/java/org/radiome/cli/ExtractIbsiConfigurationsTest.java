package org.radiome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.radiome.features.compliance.ReferenceTable;

/**
 * The acceptance test for the IBSI preprocessing chain: {@code radiome extract} on the IBSI-1 lung
 * CT phantom with settings/ibsi/config-X.yaml reproduces every published reference value of configuration X
 * (IBSI 1 workbook, sheets "config A" … "config E"), diagnostic features included, under the workbook's
 * tolerance rule, twice: from the NIfTI image and GTV-1 mask, and from the DICOM series and its RTSTRUCT
 * (ROI GTV-1 rasterised by Radiome).
 *
 * <p>Values Radiome does not yet reproduce are listed, with the reason, in
 * {@code ibsi-1-ct-phantom-known-deviations.csv}. They are not skipped: for each, the test checks that it
 * still deviates (so a fix forces the entry out of the list) and by no more than the recorded bound (so
 * it cannot silently get worse), and prints it.
 */
class ExtractIbsiConfigurationsTest {
    @TempDir
    static Path tmp;

    /** The phantom's image and mask arguments, per source. */
    static final Map<String, List<String>> SOURCES = Map.of(
            "nifti", List.of("--image", CliRun.path("data/ibsi-1/ct-phantom/nifti/image/phantom.nii.gz"),
                    "--mask", CliRun.path("data/ibsi-1/ct-phantom/nifti/mask/mask.nii.gz")),
            "dicom", List.of("--image", CliRun.path("data/ibsi-1/ct-phantom/dicom/image"),
                    "--mask", CliRun.path("data/ibsi-1/ct-phantom/dicom/mask/DCM_RS_00060.dcm"), "--roi", "GTV-1"));

    /** Extracted row per source and configuration (column → cell), filled on first use. */
    static final Map<String, Map<String, String>> ROWS = new ConcurrentHashMap<>();
    static final List<String> REPORT = new ArrayList<>();

    record Deviation(String config, String tag, double maxAbsDifference, String reason) {}

    static Map<String, Deviation> deviations() {
        Map<String, Deviation> out = new HashMap<>();
        try {
            List<String> lines = Files.readAllLines(CliRun.root().resolve("radiome-cli/src/test/resources/ibsi-1-ct-phantom-known-deviations.csv"));
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) continue;
                List<String> c = ReferenceTable.splitCsv(line);
                out.put(c.get(0) + "/" + c.get(1), new Deviation(c.get(0), c.get(1), Double.parseDouble(c.get(2)), c.get(3)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static synchronized Map<String, String> extracted(String source, String config) {
        return ROWS.computeIfAbsent(source + "/" + config, key -> {
            String c = config;
            Path out = tmp.resolve(source + "-config-" + c + ".csv");
            long start = System.nanoTime();
            List<String> args = new ArrayList<>(List.of("extract"));
            args.addAll(SOURCES.get(source));
            args.addAll(List.of("--settings", CliRun.path("settings/ibsi/config-" + c + ".yaml"), "--out", out.toString()));
            CliRun run = CliRun.of(args.toArray(new String[0]));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(run.exitCode()).as(run.err()).isZero();
            try {
                List<String> lines = Files.readAllLines(out);
                assertThat(lines).hasSize(2);
                String[] header = lines.get(0).split(",");
                String[] values = lines.get(1).split(",");
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.length; i++) row.put(header[i], values[i]);
                REPORT.add("configuration " + c + " from " + source + ": extracted in " + ms + " ms");
                return row;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static List<ReferenceTable.Row> reference(String config) {
        return ReferenceTable.read(CliRun.root().resolve("data/ibsi-1/reference-values/ibsi_1_reference_values_config_" + config + ".csv"))
                .stream().filter(r -> r.value() != null).toList();
    }

    static Stream<Arguments> referenceValues() {
        return Stream.of("nifti", "dicom").flatMap(source ->
                Stream.of("A", "B", "C", "D", "E").flatMap(c -> reference(c).stream().map(r -> Arguments.of(source, c, r))));
    }

    static Stream<Arguments> sourcesAndConfigurations() {
        return Stream.of("nifti", "dicom").flatMap(source -> Stream.of("A", "B", "C", "D", "E").map(c -> Arguments.of(source, c)));
    }

    @ParameterizedTest(name = "{0}, config {1}")
    @MethodSource("sourcesAndConfigurations")
    void every_reference_value_and_diagnostic_has_a_column(String source, String config) {
        List<ReferenceTable.Row> ref = reference(config);
        // the workbook: 346 (A, B) or 210 (C-E) feature values plus 60 diagnostics
        assertThat(ref).hasSize(config.compareTo("C") < 0 ? 406 : 270);
        assertThat(ref.stream().filter(r -> r.family().startsWith("Diagnostics"))).hasSize(60);
        assertThat(extracted(source, config).keySet()).containsAll(ref.stream().map(ReferenceTable.Row::tag).toList());
    }

    @ParameterizedTest(name = "{0}, config {1}: {2}")
    @MethodSource("referenceValues")
    void reproduces_reference_value(String source, String config, ReferenceTable.Row ref) {
        String cell = extracted(source, config).get(ref.tag());
        assertThat(cell).as("column %s", ref.tag()).isNotNull();
        double actual = Double.parseDouble(cell);
        Deviation known = deviations().get(config + "/" + ref.tag());
        if (known == null) {
            assertThat(ref.matches(actual))
                    .as("%s, config %s, %s: expected %s ± %s, got %s", source, config, ref.tag(), ref.value(), ref.tolerance(), actual)
                    .isTrue();
            return;
        }
        double diff = Math.abs(actual - ref.value());
        synchronized (REPORT) {
            REPORT.add(String.format("KNOWN DEVIATION (" + source + ") config %s %s: reference %s ± %s, Radiome %.6g (off by %.3g = %.1f × tolerance): %s",
                    config, ref.tag(), ref.value(), ref.tolerance(), actual, diff, diff / ref.tolerance(), known.reason()));
        }
        assertThat(ref.matches(actual))
                .as("config %s, %s now matches the reference: remove it from ibsi-1-ct-phantom-known-deviations.csv", config, ref.tag())
                .isFalse();
        assertThat(diff).as("config %s, %s deviates more than recorded", config, ref.tag()).isLessThanOrEqualTo(known.maxAbsDifference());
    }

    @AfterAll
    static void report() {
        REPORT.forEach(System.out::println);
    }
}
