package org.radiome.engine.sink;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.radiome.engine.extract.RoiResult;
import org.radiome.features.FeatureSet;

/**
 * Writes a feature table as CSV: header row, then one row per case and ROI; columns {@code case_id},
 * {@code roi}, then one column per feature tag (the union over rows, in first-seen order). Numbers are
 * written with full double precision (the shortest decimal that reads back to the same double); a
 * feature missing from a row is an empty cell. The file appears atomically: it is written beside the
 * target and moved into place.
 */
public final class CsvFeatureWriter {
    private CsvFeatureWriter() {}

    public static void write(Path out, List<RoiResult> rows) throws IOException {
        Set<String> columns = new LinkedHashSet<>();
        for (RoiResult r : rows) columns.addAll(r.features().entries().keySet());
        Path dir = out.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + out.getFileName(), ".tmp");
        try {
            try (BufferedWriter w = Files.newBufferedWriter(tmp)) {
                w.write("case_id,roi");
                for (String c : columns) w.write("," + c);
                w.write('\n');
                for (RoiResult r : rows) {
                    w.write(quote(r.caseId()));
                    w.write(',');
                    w.write(quote(r.roi()));
                    FeatureSet f = r.features();
                    for (String c : columns) {
                        w.write(',');
                        if (f.contains(c)) w.write(format(f.get(c)));
                    }
                    w.write('\n');
                }
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Full precision: Java's shortest round-tripping decimal; NaN and infinities as NaN, Inf, -Inf. */
    static String format(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "Inf" : "-Inf";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v);
    }

    /** RFC 4180 quoting where needed. */
    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
