package org.radiome.features;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The published IBSI-1 reference values ({@code data/ibsi-1/reference-values}) and the workbook's
 * comparison rule. Test support only.
 */
public final class IbsiReference {
    private IbsiReference() {}

    /** One row of a reference table. A null {@code value} means "not standardised". */
    public record Row(String dataset, String family, String feature, String tag, String consensus, Double value, double tolerance) {
        /**
         * The workbook's rule: |actual − reference|, truncated (towards zero) to the reference value's
         * third significant digit, must be ≤ tolerance.
         */
        public boolean matches(double actual) {
            if (value == null) return true;
            if (!Double.isFinite(actual)) return false;
            double diff = Math.abs(actual - value);
            return truncatedDifference(diff) <= tolerance;
        }

        /** The difference as the workbook sees it: ROUNDDOWN(diff, 2 − floor(log10|reference|)). */
        public double truncatedDifference(double diff) {
            if (value == 0.0) {
                // Reference 0: no significant digits to anchor; compare the raw difference.
                return diff;
            }
            int magnitude = (int) Math.floor(Math.log10(Math.abs(value)));
            int decimals = 2 - magnitude;
            return new BigDecimal(diff).setScale(decimals, RoundingMode.DOWN).doubleValue();
        }

        @Override
        public String toString() { return tag; }
    }

    /** The repository root (system property {@code radiome.root}, set by Surefire). */
    public static Path root() {
        String root = System.getProperty("radiome.root");
        Path p = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("data/ibsi-1"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("cannot find the repository's data/ folder");
        return p;
    }

    public static Path data(String relative) { return root().resolve("data").resolve(relative); }

    /** Rows of {@code ibsi_1_reference_values_<name>.csv}, e.g. {@code digital_phantom} or {@code config_A}. */
    public static List<Row> table(String name) {
        Path file = data("ibsi-1/reference-values/ibsi_1_reference_values_" + name + ".csv");
        try {
            List<String> lines = Files.readAllLines(file);
            List<Row> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) continue;
                List<String> c = splitCsv(line);
                String ref = c.get(5);
                rows.add(new Row(c.get(0), c.get(1), c.get(2), c.get(3), c.get(4),
                        ref.isEmpty() ? null : Double.valueOf(ref), c.get(6).isEmpty() ? 0 : Double.parseDouble(c.get(6))));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of a table whose tag starts with {@code prefix} (e.g. {@code "cm_"}) and that have a value. */
    public static List<Row> rows(String name, String prefix) {
        return table(name).stream().filter(r -> r.tag().startsWith(prefix) && r.value() != null).toList();
    }

    /** RFC 4180 split of one line (quotes only, no embedded newlines). */
    public static List<String> splitCsv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') { cur.append('"'); i++; } else quoted = false;
                } else cur.append(ch);
            } else if (ch == '"') quoted = true;
            else if (ch == ',') { out.add(cur.toString()); cur.setLength(0); }
            else cur.append(ch);
        }
        out.add(cur.toString());
        return out;
    }
}
