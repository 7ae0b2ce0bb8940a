package org.radiome.engine.sink;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * Turns a feature table CSV into Parquet with DuckDB's Parquet writer (embedded, in-memory
 * database): the same columns in the same order, identifying columns as {@code VARCHAR} and
 * feature columns as {@code DOUBLE} (empty cells become nulls; {@code NaN}, {@code Inf} and
 * {@code -Inf} become the IEEE values). Types are given explicitly, never sniffed, so a case id such
 * as {@code 007} stays text.
 *
 * <p>Thread-safe: each call opens its own database.
 */
public final class ParquetConverter {
    private ParquetConverter() {}

    /**
     * @param columns     the CSV's header, in order
     * @param textColumns the columns to keep as text; every other column is a double
     */
    public static void convert(Path csv, Path parquet, List<String> columns, Set<String> textColumns) throws IOException {
        StringBuilder types = new StringBuilder();
        for (String c : columns) {
            if (types.length() > 0) types.append(", ");
            types.append(literal(c)).append(": ").append(textColumns.contains(c) ? "'VARCHAR'" : "'DOUBLE'");
        }
        String sql = "COPY (SELECT * FROM read_csv(" + literal(csv.toAbsolutePath().toString())
                + ", header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"'"
                + ", columns = {" + types + "})) TO " + literal(parquet.toAbsolutePath().toString())
                + " (FORMAT PARQUET, COMPRESSION ZSTD)";
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IOException("Parquet conversion failed: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /** A SQL string literal. */
    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
