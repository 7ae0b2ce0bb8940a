package org.radiome.engine.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Parquet file, read back by DuckDB, holds the CSV's values with their types: text ids stay text, special doubles survive. */
class ParquetConverterTest {
    @Test
    void text_columns_stay_text_and_doubles_keep_nan_infinities_and_nulls(@TempDir Path tmp) throws Exception {
        Path csv = tmp.resolve("t.csv");
        try (CsvRowWriter w = new CsvRowWriter(csv)) {
            w.row(List.of("case_id", "roi", "site's", "x_a", "x_b"));
            w.row(List.of("007", "1", "a,b", CsvRowWriter.number(0.1), CsvRowWriter.number(Double.NaN)));
            w.row(List.of("008", "nonzero", "", CsvRowWriter.number(Double.POSITIVE_INFINITY), ""));
            w.row(List.of("009", "2", "x", CsvRowWriter.number(-1e-300), CsvRowWriter.number(Double.NEGATIVE_INFINITY)));
        }
        Path parquet = tmp.resolve("t.parquet");
        ParquetConverter.convert(csv, parquet, List.of("case_id", "roi", "site's", "x_a", "x_b"), Set.of("case_id", "roi", "site's"));
        assertThat(Files.size(parquet)).isPositive();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM read_parquet('" + parquet + "')")) {
            assertThat(rs.getMetaData().getColumnCount()).isEqualTo(5);
            assertThat(rs.getMetaData().getColumnName(3)).isEqualTo("site's");
            assertThat(rs.getMetaData().getColumnTypeName(1)).isEqualTo("VARCHAR");
            assertThat(rs.getMetaData().getColumnTypeName(4)).isEqualTo("DOUBLE");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("007");
            assertThat(rs.getString(3)).isEqualTo("a,b");
            assertThat(rs.getDouble(4)).isEqualTo(0.1);
            assertThat(rs.getDouble(5)).isNaN();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getDouble(4)).isEqualTo(Double.POSITIVE_INFINITY);
            rs.getDouble(5);
            assertThat(rs.wasNull()).isTrue();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getDouble(4)).isEqualTo(-1e-300);
            assertThat(rs.getDouble(5)).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(rs.next()).isFalse();
        }
    }
}
