package org.radiome.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.radiome.cli.BatchFixtures.BRAIN_IMAGE;
import static org.radiome.cli.BatchFixtures.BRAIN_LABEL;
import static org.radiome.cli.BatchFixtures.PHANTOM_IMAGE;
import static org.radiome.cli.BatchFixtures.PHANTOM_MASK;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --out x.parquet} writes the same table as {@code --out x.csv}, read back by DuckDB's Parquet reader. */
class BatchParquetTest {
    @TempDir
    Path tmp;

    @Test
    void parquet_holds_the_csv_table_cell_for_cell() throws Exception {
        Path manifest = BatchFixtures.write(tmp.resolve("cases.csv"),
                "case_id,image,mask,roi,site,visit",
                "007," + CliRun.path(PHANTOM_IMAGE) + "," + CliRun.path(PHANTOM_MASK) + ",,\"Lyon, FR\",1",
                "008," + CliRun.path(BRAIN_IMAGE) + "," + CliRun.path(BRAIN_LABEL) + ",1,Delft,2",
                "009," + CliRun.path(PHANTOM_IMAGE) + "," + CliRun.path(PHANTOM_MASK) + ",1,,3");
        for (String ext : List.of("csv", "parquet")) {
            CliRun run = CliRun.of("batch", "--manifest", manifest.toString(), "--settings", CliRun.path("settings/native.yaml"),
                    "--out", tmp.resolve("features." + ext).toString(), "--threads", "2");
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        List<String> lines = Files.readAllLines(tmp.resolve("features.csv"));
        List<String> header = BatchFixtures.split(lines.get(0));
        assertThat(header.subList(0, 4)).containsExactly("case_id", "roi", "site", "visit");
        assertThat(header.size()).isGreaterThan(200);

        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM read_parquet('" + tmp.resolve("features.parquet") + "')")) {
            ResultSetMetaData meta = rs.getMetaData();
            assertThat(meta.getColumnCount()).isEqualTo(header.size());
            for (int c = 1; c <= header.size(); c++) {
                assertThat(meta.getColumnName(c)).isEqualTo(header.get(c - 1));
                assertThat(meta.getColumnTypeName(c)).as(header.get(c - 1)).isEqualTo(c <= 4 ? "VARCHAR" : "DOUBLE");
            }
            for (String line : lines.subList(1, lines.size())) {
                assertThat(rs.next()).isTrue();
                List<String> cells = BatchFixtures.split(line);
                for (int c = 1; c <= header.size(); c++) {
                    String cell = cells.get(c - 1);
                    if (c <= 4) {
                        String text = rs.getString(c);
                        assertThat(text == null ? "" : text).as(header.get(c - 1)).isEqualTo(cell);
                    } else {
                        double value = rs.getDouble(c);
                        if (cell.isEmpty()) assertThat(rs.wasNull()).as(header.get(c - 1)).isTrue();
                        else assertThat(value).as(header.get(c - 1)).isEqualTo(BatchFixtures.number(cell));
                    }
                }
            }
            assertThat(rs.next()).isFalse();
        }
    }
}
