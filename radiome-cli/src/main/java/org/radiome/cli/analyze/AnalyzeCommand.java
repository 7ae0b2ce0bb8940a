package org.radiome.cli.analyze;

import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code radiome analyze}: statistics on cohort tables, each subcommand equal to the named R function. The
 * subcommands are registered by {@code Radiome.commandLine}, which builds only the one the arguments name.
 */
@Command(name = "analyze",
        mixinStandardHelpOptions = true,
        description = {
            "Statistics on cohort tables (features, clinical, genomic), inner-joined on case_id.",
            "Each subcommand writes JSON (numbers in full double precision) equal to R's result."})
public final class AnalyzeCommand implements Runnable {
    /** The subcommands, in the order help lists them. */
    public static final List<Class<?>> SUBCOMMANDS = List.of(AssociateCommand.class, KmCommand.class, CoxCommand.class,
            ConcordanceCommand.class, LogisticCommand.class, CompareAucCommand.class, IccCommand.class,
            GlmnetCommand.class, CombatCommand.class, StudyCommand.class, PredictCommand.class,
            CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
