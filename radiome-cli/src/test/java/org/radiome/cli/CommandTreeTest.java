package org.radiome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.radiome.cli.analyze.AnalyzeCommand;

import picocli.CommandLine;

/**
 * {@code main} builds only the branch of the command tree its arguments name ({@link Radiome#commandLine(String...)});
 * every command must then parse and document itself exactly as in the whole tree, and help, typos and empty
 * arguments must still see every command.
 */
class CommandTreeTest {
    /** Every command path: {@code batch}, {@code analyze}, {@code analyze study}, … */
    static Stream<List<String>> commandPaths() {
        List<List<String>> paths = new ArrayList<>();
        CommandLine whole = Radiome.commandLine();
        whole.getSubcommands().forEach((name, sub) -> {
            if (name.equals("help")) return;
            paths.add(List.of(name));
            sub.getSubcommands().keySet().stream().filter(n -> !n.equals("help")).forEach(n -> paths.add(List.of(name, n)));
        });
        return paths.stream();
    }

    @Test
    void theWholeTreeHoldsEveryRegisteredCommand() {
        CommandLine whole = Radiome.commandLine();
        assertThat(whole.getSubcommands()).hasSize(Radiome.SUBCOMMANDS.size());
        assertThat(whole.getSubcommands().get("analyze").getSubcommands()).hasSize(AnalyzeCommand.SUBCOMMANDS.size());
        assertThat(commandPaths()).contains(List.of("batch"), List.of("extract"), List.of("analyze", "study"),
                List.of("analyze", "predict"), List.of("aot-training"));
    }

    @ParameterizedTest
    @MethodSource("commandPaths")
    void aCommandBuiltAloneHasTheSameHelpAsInTheWholeTree(List<String> path) {
        List<String> args = new ArrayList<>(path);
        args.add("--help");
        String[] argv = args.toArray(String[]::new);
        CliRun alone = CliRun.of(argv);
        assertThat(alone).isEqualTo(CliRun.withWholeTree(argv));
        if (!path.contains("aot-training")) { // hidden, internal: no --help
            assertThat(alone.exitCode()).isZero();
            assertThat(alone.out()).contains("Usage: radiome " + String.join(" ", path));
        }
    }

    @Test
    void onlyTheNamedBranchIsBuilt() {
        CommandLine batch = Radiome.commandLine("batch", "--manifest", "m.csv");
        assertThat(batch.getSubcommands()).containsOnlyKeys("batch");
        CommandLine study = Radiome.commandLine("analyze", "study", "--spec", "s.yaml");
        assertThat(study.getSubcommands()).containsOnlyKeys("analyze");
        assertThat(study.getSubcommands().get("analyze").getSubcommands()).containsOnlyKeys("study");
    }

    @Test
    void helpAndTyposSeeEveryCommand() {
        CliRun top = CliRun.of("--help");
        assertThat(top.out()).contains("extract", "batch", "demo", "features", "analyze").doesNotContain("aot-training");
        assertThat(CliRun.of("help", "batch").out()).isEqualTo(CliRun.withWholeTree("batch", "--help").out());
        assertThat(CliRun.of("analyze", "help", "study").out())
                .isEqualTo(CliRun.withWholeTree("analyze", "study", "--help").out());
        CliRun typo = CliRun.of("batchh");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("'batchh'").contains("Did you mean: radiome batch");
        CliRun analyzeTypo = CliRun.of("analyze", "studdy");
        assertThat(analyzeTypo.exitCode()).isEqualTo(2);
        assertThat(analyzeTypo.err()).contains("'studdy'").contains("Did you mean: analyze study");
    }
}
