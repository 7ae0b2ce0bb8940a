package org.radiome.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.radiome.cli.BatchFixtures.PHANTOM_IMAGE;
import static org.radiome.cli.BatchFixtures.PHANTOM_MASK;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radiome.features.compliance.ReferenceTable;

/**
 * A cohort with a missing file, a corrupt file and an empty ROI among good cases: the good cases are
 * written (and match the IBSI-1 digital phantom reference values), the bad ones are listed in
 * {@code OUT.errors.csv}, and the exit status is 3.
 */
class BatchFailuresTest {
    @TempDir
    Path tmp;

    @Test
    void failed_cases_are_reported_and_the_others_written() throws Exception {
        Path cohort = Files.createDirectories(tmp.resolve("cohort"));
        byte[] image = Files.readAllBytes(CliRun.root().resolve(PHANTOM_IMAGE));
        Files.write(cohort.resolve("corrupt.nii.gz"), Arrays.copyOf(image, image.length / 2));
        Files.copy(CliRun.root().resolve(PHANTOM_IMAGE), cohort.resolve("good.nii.gz"));
        Path manifest = BatchFixtures.write(cohort.resolve("cases.csv"),
                "case_id,image,mask,roi,centre",
                "good1,good.nii.gz," + CliRun.path(PHANTOM_MASK) + ",,A",
                "missing,nowhere.nii.gz," + CliRun.path(PHANTOM_MASK) + ",,B",
                "corrupt,corrupt.nii.gz," + CliRun.path(PHANTOM_MASK) + ",,C",
                "empty_roi,good.nii.gz," + CliRun.path(PHANTOM_MASK) + ",2,D",
                "good2," + CliRun.path(PHANTOM_IMAGE) + "," + CliRun.path(PHANTOM_MASK) + ",1,E");
        Path out = tmp.resolve("out/features.csv");
        String[] command = {"batch", "--manifest", manifest.toString(), "--settings", CliRun.path("settings/ibsi/digital-phantom.yaml"),
            "--out", out.toString(), "--threads", "2"};
        CliRun run = CliRun.of(command);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.err()).contains("3 of 5 cases failed").doesNotContain("Exception").doesNotContain("\tat ");

        List<Map<String, String>> rows = BatchFixtures.readTable(out);
        assertThat(rows).extracting(r -> r.get("case_id")).containsExactly("good1", "good2");
        assertThat(rows).extracting(r -> r.get("roi")).containsExactly("nonzero", "1");
        assertThat(rows).extracting(r -> r.get("centre")).containsExactly("A", "E");
        assertThat(Files.readAllLines(out).get(0)).startsWith("case_id,roi,centre,morph_volume,");
        List<ReferenceTable.Row> reference = ReferenceTable.read(CliRun.root().resolve(
                "data/ibsi-1/reference-values/ibsi_1_reference_values_digital_phantom.csv"));
        for (Map<String, String> row : rows) {
            int checked = 0;
            for (ReferenceTable.Row ref : reference) {
                if (ref.value() == null) continue;
                assertThat(row).as("column %s", ref.tag()).containsKey(ref.tag());
                double actual = BatchFixtures.number(row.get(ref.tag()));
                assertThat(ref.matches(actual)).as("%s: expected %s ± %s, got %s", ref.tag(), ref.value(), ref.tolerance(), actual).isTrue();
                checked++;
            }
            assertThat(checked).isGreaterThan(150);
        }

        Path errors = tmp.resolve("out/features.errors.csv");
        List<Map<String, String>> failed = BatchFixtures.readTable(errors);
        assertThat(failed).extracting(r -> r.get("case_id")).containsExactly("missing", "corrupt", "empty_roi");
        assertThat(failed.get(0).get("file")).isEqualTo(cohort.resolve("nowhere.nii.gz").toString());
        assertThat(failed.get(0).get("reason")).contains("not found");
        assertThat(failed.get(1).get("file")).isEqualTo(cohort.resolve("corrupt.nii.gz").toString());
        assertThat(failed.get(1).get("reason")).isNotBlank();
        assertThat(failed.get(2).get("file")).isEqualTo(CliRun.path(PHANTOM_MASK));
        assertThat(failed.get(2).get("reason")).contains("ROI label 2 is empty");

        String provenance = Files.readString(tmp.resolve("out/features.provenance.json"));
        assertThat(provenance).contains("\"failed_cases\" : 3", "\"rows\" : 2", "\"threads\" : 2",
                "\"settings_sha256\" : \"" + sha256(CliRun.root().resolve("settings/ibsi/digital-phantom.yaml")) + "\"",
                "\"sha256\" : \"" + sha256(CliRun.root().resolve(PHANTOM_IMAGE)) + "\"",
                "\"sha256\" : \"" + sha256(cohort.resolve("corrupt.nii.gz")) + "\"",
                "\"sha256\" : \"" + sha256(manifest) + "\"");

        // The journal stays while cases failed: the same command retries only them.
        Path journal = tmp.resolve("out/features.journal");
        assertThat(journal).exists();
        Files.copy(CliRun.root().resolve(PHANTOM_IMAGE), cohort.resolve("nowhere.nii.gz"));
        CliRun retry = CliRun.of(command);
        assertThat(retry.exitCode()).as(retry.err()).isEqualTo(3);
        assertThat(retry.err()).contains("(2 cases resumed from the journal)").contains("2 of 5 cases failed");
        assertThat(BatchFixtures.readTable(out)).extracting(r -> r.get("case_id")).containsExactly("good1", "missing", "good2");
        assertThat(BatchFixtures.readTable(errors)).extracting(r -> r.get("case_id")).containsExactly("corrupt", "empty_roi");

        // Another settings file with the same --out: the old journal is refused, nothing is mixed.
        command[4] = CliRun.path("settings/native.yaml");
        CliRun changed = CliRun.of(command);
        assertThat(changed.exitCode()).isEqualTo(1);
        assertThat(changed.err().strip().lines().filter(l -> l.contains("features.journal")).findFirst().orElse(""))
                .contains("different batch");
    }

    @Test
    void a_bad_manifest_is_one_line_naming_file_and_line() throws Exception {
        Path manifest = BatchFixtures.write(tmp.resolve("cases.csv"), "case_id,image", "p1,a.nii");
        CliRun run = CliRun.of("batch", "--manifest", manifest.toString(), "--settings", CliRun.path("settings/native.yaml"),
                "--out", tmp.resolve("o.csv").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("radiome batch: " + manifest + " line 1: no mask column; the header must name case_id, image and mask");
        CliRun badOut = CliRun.of("batch", "--manifest", manifest.toString(), "--settings", CliRun.path("settings/native.yaml"),
                "--out", tmp.resolve("o.xlsx").toString());
        assertThat(badOut.exitCode()).isEqualTo(2);
        assertThat(badOut.err()).contains("must end in .csv or .parquet");
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
