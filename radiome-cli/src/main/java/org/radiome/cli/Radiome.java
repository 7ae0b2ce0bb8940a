package org.radiome.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code radiome} command: standardised radiomics feature extraction. */
@Command(name = "radiome",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Radiome: IBSI-compliant radiomics feature extraction.",
        subcommands = {ExtractCommand.class, BatchCommand.class, DemoCommand.class, FeaturesCommand.class, CommandLine.HelpCommand.class})
public final class Radiome implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the command line with Radiome's error handling: one line on stderr per problem, no stack traces. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Radiome());
        cl.setExecutionExceptionHandler(Radiome::handleFailure);
        cl.setParameterExceptionHandler(Radiome::handleUsageError);
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    private static int handleFailure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof UserFacingException u) {
            err.println("radiome " + cl.getCommandName() + ": " + u.getMessage());
            return u.exitCode();
        }
        // A defect in Radiome: say so briefly; the stack trace only on request.
        err.println("radiome " + cl.getCommandName() + ": internal error: " + e);
        if (System.getenv("RADIOME_DEBUG") != null) e.printStackTrace(err);
        else err.println("radiome: set RADIOME_DEBUG=1 for details and please report it");
        return 70;
    }

    private static int handleUsageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("radiome " + cl.getCommandName() + ": " + e.getMessage());
        err.println("Try 'radiome " + (cl.getParent() == null ? "" : cl.getCommandName() + " ") + "--help' for usage.");
        return 2;
    }
}
