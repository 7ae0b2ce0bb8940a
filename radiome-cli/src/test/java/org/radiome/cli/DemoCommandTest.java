package org.radiome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command: the demo on bundled data reproduces every IBSI phantom value and writes both tables. */
class DemoCommandTest {
    @Test
    void demo_reproduces_the_phantom_and_extracts_brain1(@TempDir Path tmp) throws Exception {
        String previous = System.getProperty("radiome.home");
        System.setProperty("radiome.home", CliRun.root().toString());
        try {
            CliRun run = CliRun.of("demo", "--out", tmp.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("482 of 482 IBSI reference values reproduced");
            assertThat(run.out()).contains("configuration C").contains("270 of 270 IBSI reference values reproduced");
            List<String> brain = Files.readAllLines(tmp.resolve("brain1.csv"));
            assertThat(brain).hasSize(2);
            assertThat(brain.get(0)).startsWith("case_id,roi,morph_volume,");
            assertThat(brain.get(1)).startsWith("brain1,1,");
        } finally {
            if (previous == null) System.clearProperty("radiome.home");
            else System.setProperty("radiome.home", previous);
        }
    }
}
