package org.radiome.cli;

import java.io.PrintWriter;
import java.util.List;

import org.radiome.cli.analyze.AnalyzeCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code radiome} command: standardised radiomics feature extraction.
 *
 * <p>Subcommands are registered here, not in the annotation, so that {@link #commandLine(String...)} can build only
 * the branch of the command tree that the arguments name: picocli reflects over every registered command class (its
 * fields, their types, its option annotations) before parsing, and for the whole tree that is 0.3–0.5 s of a JVM's
 * start-up (docs/performance.md) — a quarter of a short batch's wall time on two cores.
 */
@Command(name = "radiome",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Radiome: IBSI-compliant radiomics feature extraction.")
public final class Radiome implements Runnable {
    /** The top-level subcommands, in the order help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(ExtractCommand.class, BatchCommand.class, DemoCommand.class,
            FeaturesCommand.class, AnalyzeCommand.class, AotTrainingCommand.class, CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The whole command tree, with Radiome's error handling: one line on stderr per problem, no stack traces. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command tree for parsing {@code args}: where they start with subcommand names (as {@code batch …} or
     * {@code analyze study …}), only those commands are built; otherwise (help, a typo, no arguments) all of them,
     * so that usage lists and "did you mean" suggestions are complete. Parsing and results are the same either way.
     */
    public static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new Radiome());
        addSubcommands(cl, SUBCOMMANDS, args, 0);
        cl.setUsageHelpWidth(110);
        cl.setExecutionExceptionHandler(Radiome::handleFailure);
        cl.setParameterExceptionHandler(Radiome::handleUsageError);
        return cl;
    }

    /**
     * Adds {@code candidates} to {@code parent}: only the one named by {@code args[position]} when there is one
     * (descending into {@link AnalyzeCommand}'s own subcommands the same way), else all of them (also for
     * {@code help}, which looks its argument up among its siblings).
     */
    private static void addSubcommands(CommandLine parent, List<Class<?>> candidates, String[] args, int position) {
        String word = position < args.length ? args[position] : null;
        for (Class<?> candidate : candidates) {
            // `help NAME` needs its siblings: it looks NAME up among them
            if (word != null && candidate != CommandLine.HelpCommand.class && names(candidate).contains(word)) {
                parent.addSubcommand(subcommand(candidate, args, position + 1));
                return;
            }
        }
        for (Class<?> candidate : candidates) parent.addSubcommand(subcommand(candidate, new String[0], 0));
    }

    private static CommandLine subcommand(Class<?> type, String[] args, int position) {
        CommandLine cl = new CommandLine(type);
        if (type == AnalyzeCommand.class) addSubcommands(cl, AnalyzeCommand.SUBCOMMANDS, args, position);
        return cl;
    }

    /** The command's name and aliases, read from its annotation alone (no reflection over its members). */
    private static List<String> names(Class<?> type) {
        Command command = type.getAnnotation(Command.class);
        List<String> names = new java.util.ArrayList<>(List.of(command.aliases()));
        names.add(command.name());
        return names;
    }

    /** The DICOM library's logger: our errors already say what failed, in one line. Held strongly (JUL keeps weak references). */
    private static final java.util.logging.Logger DICOM_LIBRARY_LOG =
            java.util.logging.Logger.getLogger(org.radiome.image.dicom.DicomFiles.LIBRARY_LOGGER);

    public static void main(String[] args) {
        DICOM_LIBRARY_LOG.setLevel(java.util.logging.Level.OFF);
        System.exit(commandLine(args).execute(args));
    }

    private static int handleFailure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof UserFacingException u) {
            err.println(cl.getCommandSpec().qualifiedName() + ": " + u.getMessage());
            return u.exitCode();
        }
        // A defect in Radiome: say so briefly; the stack trace only on request.
        err.println(cl.getCommandSpec().qualifiedName() + ": internal error: " + e);
        if (System.getenv("RADIOME_DEBUG") != null) e.printStackTrace(err);
        else err.println("radiome: set RADIOME_DEBUG=1 for details and please report it");
        return 70;
    }

    private static int handleUsageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println(cl.getCommandSpec().qualifiedName() + ": " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for usage.");
        return 2;
    }
}
