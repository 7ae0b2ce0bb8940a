package org.radiome.features.compliance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An IBSI-1 reference-value table ({@code ibsi_1_reference_values_*.csv}, converted from the official
 * IBSI 1 workbook) and the workbook's own comparison rule, so that any result can be checked for
 * compliance the way IBSI checks submissions.
 */
public final class ReferenceTable {
    /** One row. A null {@code value} means the feature is "not standardised". */
    public record Row(String dataset, String family, String feature, String tag, String consensus, Double value, double tolerance) {
        /**
         * The workbook's rule: |actual − reference|, truncated towards zero at the reference value's
         * third significant digit (Excel ROUNDDOWN), must be ≤ tolerance. Always true without a value.
         */
        public boolean matches(double actual) {
            if (value == null) return true;
            if (!Double.isFinite(actual)) return false;
            return truncatedDifference(Math.abs(actual - value)) <= tolerance;
        }

        /** ROUNDDOWN(diff, 2 − floor(log10 |reference|)); a zero reference keeps the raw difference. */
        public double truncatedDifference(double diff) {
            if (value == 0.0) return diff;
            int decimals = 2 - (int) Math.floor(Math.log10(Math.abs(value)));
            return new BigDecimal(diff).setScale(decimals, RoundingMode.DOWN).doubleValue();
        }

        @Override
        public String toString() { return tag; }
    }

    private ReferenceTable() {}

    /** Reads a table with columns {@code dataset,family,feature,tag,consensus,reference_value,tolerance}. */
    public static List<Row> read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            List<Row> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) continue;
                List<String> c = splitCsv(line);
                if (c.size() < 7) throw new IllegalArgumentException(file + ": malformed row: " + line);
                String ref = c.get(5).trim();
                String tol = c.get(6).trim();
                rows.add(new Row(c.get(0), c.get(1), c.get(2), c.get(3), c.get(4),
                        ref.isEmpty() ? null : Double.valueOf(ref), tol.isEmpty() ? 0 : Double.parseDouble(tol)));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** RFC 4180 split of one line (quotes, no embedded newlines). */
    public static List<String> splitCsv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
