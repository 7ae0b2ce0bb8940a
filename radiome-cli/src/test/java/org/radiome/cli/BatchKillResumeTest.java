package org.radiome.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.radiome.cli.BatchFixtures.BRAIN_IMAGE;
import static org.radiome.cli.BatchFixtures.BRAIN_LABEL;
import static org.radiome.cli.BatchFixtures.PHANTOM_IMAGE;
import static org.radiome.cli.BatchFixtures.PHANTOM_MASK;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code radiome batch} process is killed with SIGKILL once some cases are journalled; the
 * same command then resumes, computes only the missing cases and writes exactly the bytes of an
 * uninterrupted run.
 */
class BatchKillResumeTest {
    static final int CASES = 12;

    @TempDir
    Path tmp;

    private Path manifest(Path dir) throws IOException {
        List<String> lines = new ArrayList<>(List.of("case_id,image,mask,roi,arm"));
        for (int i = 1; i <= CASES; i++) {
            boolean brain = i % 4 != 0;
            lines.add(String.format("p%02d,%s,%s,%s,%s", i, CliRun.path(brain ? BRAIN_IMAGE : PHANTOM_IMAGE),
                    CliRun.path(brain ? BRAIN_LABEL : PHANTOM_MASK), brain ? "1" : "", i % 2 == 0 ? "\"control, B\"" : "treated"));
        }
        return BatchFixtures.write(dir.resolve("cases.csv"), lines.toArray(String[]::new));
    }

    private String[] command(Path dir) {
        return new String[] {"batch", "--manifest", dir.resolve("cases.csv").toString(),
            "--settings", CliRun.path("settings/native.yaml"), "--out", dir.resolve("features.csv").toString(), "--threads", "1"};
    }

    @Test
    void killed_with_sigkill_and_resumed_gives_the_table_of_an_uninterrupted_run() throws Exception {
        Path whole = Files.createDirectories(tmp.resolve("uninterrupted"));
        manifest(whole);
        CliRun reference = CliRun.of(command(whole));
        assertThat(reference.exitCode()).as(reference.err()).isZero();
        byte[] expected = Files.readAllBytes(whole.resolve("features.csv"));
        assertThat(BatchFixtures.readTable(whole.resolve("features.csv"))).hasSize(CASES);

        Path killed = Files.createDirectories(tmp.resolve("killed"));
        manifest(killed);
        Path journal = killed.resolve("features.journal");
        Process process = new ProcessBuilder(BatchFixtures.radiomeProcess(command(killed)))
                .redirectErrorStream(true).redirectOutput(killed.resolve("first-run.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (journalledCases(journal) < 3 && process.isAlive() && System.nanoTime() < deadline) Thread.sleep(10);
        assertThat(process.isAlive()).as("the batch must still run when killed; log: %s", log(killed)).isTrue();
        process.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no finally blocks
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(137);

        assertThat(killed.resolve("features.csv")).doesNotExist();
        int journalled = journalledCases(journal);
        assertThat(journalled).isBetween(3, CASES - 1);
        // As if the kill had also torn a record in the middle of its write.
        Files.writeString(journal, "{\"index\":11,\"case_id\":\"p12\",\"inputs\":{\"ima", StandardOpenOption.APPEND);

        CliRun resumed = CliRun.of(command(killed));
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("(" + journalled + " cases resumed from the journal)");
        assertThat(Files.readAllBytes(killed.resolve("features.csv"))).isEqualTo(expected);
        assertThat(journal).doesNotExist();
        assertThat(killed.resolve("features.errors.csv")).doesNotExist();
        assertThat(Files.readString(killed.resolve("features.provenance.json"))).contains("\"rows\" : " + CASES);
        try (var files = Files.list(killed)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("cases.csv", "first-run.log", "features.csv", "features.provenance.json");
        }
    }

    /** Complete case records in the journal (lines after the header). */
    private static int journalledCases(Path journal) throws IOException {
        if (!Files.exists(journal)) return 0;
        String text = new String(Files.readAllBytes(journal), StandardCharsets.UTF_8);
        return (int) Math.max(0, text.chars().filter(c -> c == '\n').count() - 1);
    }

    private static String log(Path dir) throws IOException {
        return Files.readString(dir.resolve("first-run.log"));
    }
}
