package org.radiome.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine;

/** Runs the {@code radiome} command in-process and captures its exit code, stdout and stderr. */
record CliRun(int exitCode, String out, String err) {
    /** Runs through the same command tree as {@code main}: only the branch the arguments name. */
    static CliRun of(String... args) {
        return of(Radiome.commandLine(args), args);
    }

    /** Runs through the whole command tree. */
    static CliRun withWholeTree(String... args) {
        return of(Radiome.commandLine(), args);
    }

    private static CliRun of(CommandLine cl, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The repository root (Surefire sets radiome.root). */
    static Path root() {
        String root = System.getProperty("radiome.root");
        Path p = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("data/ibsi-1"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("cannot find the repository's data/ folder");
        return p;
    }

    static String path(String relative) { return root().resolve(relative).toString(); }
}
