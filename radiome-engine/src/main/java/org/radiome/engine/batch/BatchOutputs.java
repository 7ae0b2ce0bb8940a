package org.radiome.engine.batch;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The files of a batch run, named after the table: for {@code out/cohort.csv} (or
 * {@code .parquet}) they are {@code out/cohort.journal}, {@code out/cohort.errors.csv} and
 * {@code out/cohort.provenance.json}.
 */
public record BatchOutputs(Path table, Format format, Path journal, Path errors, Path provenance) {
    public enum Format { CSV, PARQUET }

    /** The files for a table path ending in {@code .csv} or {@code .parquet}. */
    public static BatchOutputs of(Path table) {
        String name = table.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        Format format;
        String base;
        if (lower.endsWith(".csv")) {
            format = Format.CSV;
            base = name.substring(0, name.length() - 4);
        } else if (lower.endsWith(".parquet")) {
            format = Format.PARQUET;
            base = name.substring(0, name.length() - 8);
        } else {
            throw new IllegalArgumentException(table + ": the output must end in .csv or .parquet");
        }
        if (base.isEmpty()) throw new IllegalArgumentException(table + ": the output needs a name before its extension");
        return new BatchOutputs(table, format, table.resolveSibling(base + ".journal"),
                table.resolveSibling(base + ".errors.csv"), table.resolveSibling(base + ".provenance.json"));
    }
}
