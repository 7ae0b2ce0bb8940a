package org.radiome.engine.pyradiomics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PyRadiomics's baseline tables ({@code data/pyradiomics/baseline/baseline_<class>.csv}): one row per key, one
 * column per test configuration ({@code brain1}, {@code brain1_FBN}, …). See {@code data/pyradiomics/README.md}.
 */
final class PyRadiomicsBaseline {
    private PyRadiomicsBaseline() {}

    static Path dataDir() {
        String root = System.getProperty("radiome.root");
        Path p = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("data/pyradiomics"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("data/pyradiomics not found");
        return p.resolve("data/pyradiomics");
    }

    /** The feature values ({@code original_*} rows with a value) of {@code column} over all eight baseline files. */
    static Map<String, Double> features(String column) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String cls : List.of("firstorder", "shape", "shape2D", "glcm", "glrlm", "glszm", "gldm", "ngtdm")) {
            List<List<String>> rows = read(dataDir().resolve("baseline/baseline_" + cls + ".csv"));
            int c = rows.get(0).indexOf(column);
            if (c < 0) continue;
            for (List<String> row : rows.subList(1, rows.size())) {
                if (!row.get(0).startsWith("original_") || c >= row.size() || row.get(c).isEmpty()) continue;
                out.put(row.get(0), Double.parseDouble(row.get(c)));
            }
        }
        return out;
    }

    /** RFC 4180 CSV. */
    static List<List<String>> read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(ch);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
