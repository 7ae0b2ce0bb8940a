package org.radiome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.radiome.features.compliance.ReferenceTable;

/**
 * The acceptance test: {@code radiome extract} on the IBSI-1 digital phantom with
 * settings/ibsi/digital-phantom.yaml reproduces every published reference value (IBSI 1 workbook,
 * digital phantom sheet) under the workbook's tolerance rule.
 */
class ExtractDigitalPhantomTest {
    @TempDir
    static Path tmp;
    static List<String> header;
    static Map<String, String> row = new HashMap<>();

    @BeforeAll
    static void extract() throws IOException {
        Path out = tmp.resolve("phantom.csv");
        CliRun run = CliRun.of("extract",
                "--image", CliRun.path("data/ibsi-1/digital-phantom/nifti/image/phantom.nii.gz"),
                "--mask", CliRun.path("data/ibsi-1/digital-phantom/nifti/mask/mask.nii.gz"),
                "--settings", CliRun.path("settings/ibsi/digital-phantom.yaml"),
                "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(2);
        header = List.of(lines.get(0).split(","));
        String[] values = lines.get(1).split(",");
        for (int i = 0; i < header.size(); i++) row.put(header.get(i), values[i]);
    }

    static Stream<ReferenceTable.Row> referenceValues() {
        return ReferenceTable.read(CliRun.root().resolve("data/ibsi-1/reference-values/ibsi_1_reference_values_digital_phantom.csv"))
                .stream().filter(r -> r.value() != null);
    }

    @Test
    void all_482_reference_values_are_covered() {
        assertThat(referenceValues().count()).isEqualTo(482);
        assertThat(header.subList(0, 2)).containsExactly("case_id", "roi");
        assertThat(row.get("case_id")).isEqualTo("phantom");
        assertThat(header).containsAll(referenceValues().map(ReferenceTable.Row::tag).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceValues")
    void reproduces_reference_value(ReferenceTable.Row ref) {
        String cell = row.get(ref.tag());
        assertThat(cell).as("column %s", ref.tag()).isNotNull();
        double actual = Double.parseDouble(cell);
        assertThat(ref.matches(actual))
                .as("%s: expected %s ± %s, got %s", ref.tag(), ref.value(), ref.tolerance(), actual)
                .isTrue();
    }
}
