package org.radiome.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.radiome.analysis.table.CsvTables;
import org.radiome.analysis.table.Table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The simulated cohort in data/analysis/cohort-2026 with R's reference.json, arranged as reference.R arranges
 * it: {@code d} = clinical joined with features sorted by case_id, {@code cc} = its complete cases.
 */
public final class Cohort {
    private static JsonNode reference;
    private static JsonNode truth;
    private static Table d;

    private Cohort() { }

    public static Path root() {
        String root = System.getProperty("radiome.root");
        Path p = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("data/analysis"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("cannot find the repository's data/analysis folder");
        return p;
    }

    public static Path file(String name) {
        return root().resolve("data/analysis/cohort-2026").resolve(name);
    }

    public static synchronized JsonNode reference() {
        if (reference == null) reference = readJson("reference.json");
        return reference;
    }

    public static synchronized JsonNode truth() {
        if (truth == null) truth = readJson("truth.json");
        return truth;
    }

    private static JsonNode readJson(String name) {
        try {
            return new ObjectMapper().readTree(file(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** R's {@code d}: clinical joined with features, sorted by case_id (CsvTables keeps the first file's order). */
    public static synchronized Table d() {
        if (d == null) {
            d = CsvTables.readAndJoin(List.of(new CsvTables.Source(file("features.csv"), null),
                new CsvTables.Source(file("clinical.csv"), null))).table();
            List<String> ids = d.caseIds();
            for (int i = 1; i < ids.size(); i++) {
                if (ids.get(i - 1).compareTo(ids.get(i)) >= 0) throw new IllegalStateException("features.csv is not sorted by case_id");
            }
        }
        return d;
    }

    /** R's {@code cc}: the cases of d with every feature. */
    public static Table cc() {
        return d().rows(d().completeRows(featureNames()));
    }

    /** The 60 feature columns in features.csv order. */
    public static List<String> featureNames() {
        try {
            String header = Files.readAllLines(file("features.csv")).get(0);
            List<String> names = new ArrayList<>(List.of(header.split(",")));
            names.remove("case_id");
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The named columns as a row-major matrix, one row per case. */
    public static double[][] matrix(Table t, List<String> columns) {
        double[][] x = new double[t.rowCount()][columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            double[] c = t.numeric(columns.get(j));
            for (int i = 0; i < c.length; i++) x[i][j] = c[i];
        }
        return x;
    }

    public static double[] doubles(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) v[i] = array.get(i).asDouble();
        return v;
    }

    public static int[] ints(JsonNode array) {
        int[] v = new int[array.size()];
        for (int i = 0; i < v.length; i++) v[i] = array.get(i).asInt();
        return v;
    }
}
