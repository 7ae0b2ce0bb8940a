package org.radiome.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.radiome.cli.Radiome;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The analysis cohort in data/analysis/cohort-2026, R's reference.json, and a way to run
 * {@code radiome analyze ...} in-process and read its JSON.
 */
final class Cohort {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode reference;

    private Cohort() { }

    static Path root() {
        String root = System.getProperty("radiome.root");
        Path p = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("data/analysis"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("cannot find the repository's data/analysis folder");
        return p;
    }

    /** A file of the cohort, e.g. {@code file("features.csv")}. */
    static String file(String name) {
        return root().resolve("data/analysis/cohort-2026").resolve(name).toString();
    }

    static synchronized JsonNode reference() {
        if (reference == null) {
            try {
                reference = JSON.readTree(Path.of(file("reference.json")).toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return reference;
    }

    record Run(int exitCode, String out, String err) {
        JsonNode json() {
            assertThat(exitCode).as(err).isZero();
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static Run analyze(String... args) {
        List<String> all = new ArrayList<>(List.of("analyze"));
        all.addAll(List.of(args));
        var cl = Radiome.commandLine(all.toArray(String[]::new));
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    /**
     * The agreement asked of every number: within 1e-6 relative, or 1e-6 x 1e-3 absolute for values
     * below 1e-3 in magnitude.
     */
    static void assertClose(String what, double actual, double expected) {
        double tol = 1e-6 * Math.max(Math.abs(expected), 1e-3);
        assertThat(Math.abs(actual - expected))
            .as("%s: expected %s, actual %s, tolerance %s", what, expected, actual, tol)
            .isLessThanOrEqualTo(tol);
    }

    static void assertClose(String what, JsonNode actual, JsonNode expected) {
        assertThat(actual).as(what + " missing").isNotNull();
        assertThat(actual.isNumber()).as(what + " is a number: " + actual).isTrue();
        assertClose(what, actual.doubleValue(), expected.doubleValue());
    }

    /** Asserts one line on stderr, exit 1, naming every fragment, and no stack trace. */
    static void assertOneLineError(Run run, String... fragments) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        String err = run.err().strip();
        assertThat(err.lines().count()).as(err).isEqualTo(1);
        assertThat(err).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("RG2026");
        for (String f : fragments) assertThat(err).contains(f);
    }
}
