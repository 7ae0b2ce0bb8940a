package org.radiome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The launcher's AOT training run must keep working on the bundled data, and leave nothing behind. */
class AotTrainingCommandTest {
    @Test
    void trains_on_the_bundled_data_and_cleans_up() throws IOException {
        String previous = System.getProperty("radiome.home");
        System.setProperty("radiome.home", CliRun.root().toString());
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = trainingFolders(tmp);
        try {
            CliRun run = CliRun.of("aot-training");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(trainingFolders(tmp)).isEqualTo(before);
        } finally {
            if (previous == null) System.clearProperty("radiome.home");
            else System.setProperty("radiome.home", previous);
        }
    }

    @Test
    void is_hidden_from_the_usage() {
        assertThat(CliRun.of("--help").out()).doesNotContain("aot-training");
    }

    private static long trainingFolders(Path tmp) throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith("radiome-aot-training")).count();
        }
    }
}
