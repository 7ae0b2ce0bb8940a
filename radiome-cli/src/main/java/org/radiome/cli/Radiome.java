package org.radiome.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code radiome} command: standardised radiomics feature extraction. */
@Command(name = "radiome",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Radiome: IBSI-compliant radiomics feature extraction.",
        subcommands = {ExtractCommand.class, BatchCommand.class, DemoCommand.class, FeaturesCommand.class, org.radiome.cli.analyze.AnalyzeCommand.class,
            AotTrainingCommand.class, CommandLine.HelpCommand.class})
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
        cl.setUsageHelpWidth(110);
        cl.setExecutionExceptionHandler(Radiome::handleFailure);
        cl.setParameterExceptionHandler(Radiome::handleUsageError);
        return cl;
    }

    /** The DICOM library's logger: our errors already say what failed, in one line. Held strongly (JUL keeps weak references). */
    private static final java.util.logging.Logger DICOM_LIBRARY_LOG =
            java.util.logging.Logger.getLogger(org.radiome.image.dicom.DicomFiles.LIBRARY_LOGGER);

    public static void main(String[] args) {
        DICOM_LIBRARY_LOG.setLevel(java.util.logging.Level.OFF);
        System.exit(commandLine().execute(args));
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
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for usage.");
        return 2;
    }
}
