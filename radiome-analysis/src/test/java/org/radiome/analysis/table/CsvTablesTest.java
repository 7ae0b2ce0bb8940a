package org.radiome.analysis.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading and joining cohort tables: prefixes, clashes, dropped rows and bad files. */
class CsvTablesTest {
    @TempDir
    Path tmp;

    Path csv(String name, String... lines) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, List.of(lines));
        return p;
    }

    static CsvTables.Source src(Path p, String prefix) { return new CsvTables.Source(p, prefix); }

    @Test
    void inner_join_keeps_cases_in_every_table_in_first_table_order_and_counts_the_rest() throws IOException {
        Path a = csv("a.csv", "case_id,x", "c3,3", "c1,1", "c2,2", "c9,9");
        Path b = csv("b.csv", "case_id,y", "c1,10", "c2,20", "c3,30", "c7,70");
        CsvTables.Joined j = CsvTables.readAndJoin(List.of(src(a, ""), src(b, "")));
        assertThat(j.table().caseIds()).containsExactly("c3", "c1", "c2");
        assertThat(j.table().numeric("y")).containsExactly(30, 10, 20);
        assertThat(j.droppedRows()).isEqualTo(2);
        assertThat(j.inputs()).extracting(CsvTables.Input::unmatched).containsExactly(1, 1);
    }

    @Test
    void prefix_goes_before_every_column_but_case_id() throws IOException {
        Path a = csv("a.csv", "case_id,EGFR", "c1,1");
        Path b = csv("b.csv", "case_id,EGFR", "c1,7.5");
        CsvTables.Joined j = CsvTables.readAndJoin(List.of(src(a, "mut_"), src(b, "expr_")));
        assertThat(j.table().columnNames()).containsExactly("mut_EGFR", "expr_EGFR");
        assertThat(j.table().numeric("expr_EGFR")).containsExactly(7.5);
    }

    @Test
    void a_clash_of_names_without_prefix_is_an_error_naming_the_column() throws IOException {
        Path a = csv("a.csv", "case_id,EGFR", "c1,1");
        Path b = csv("b.csv", "case_id,EGFR", "c1,7.5");
        assertThatThrownBy(() -> CsvTables.readAndJoin(List.of(src(a, ""), src(b, ""))))
            .isInstanceOf(TableException.class).hasMessageContaining("'EGFR'").hasMessageContaining("prefix");
    }

    @Test
    void source_spec_splits_the_prefix_but_not_a_windows_drive() {
        assertThat(CsvTables.Source.parse("data/x.csv:mut_")).isEqualTo(src(Path.of("data/x.csv"), "mut_"));
        assertThat(CsvTables.Source.parse("data/x.csv")).isEqualTo(src(Path.of("data/x.csv"), ""));
        assertThat(CsvTables.Source.parse("C:\\data\\x.csv").prefix()).isEmpty();
    }

    @Test
    void a_file_without_case_id_is_an_error() throws IOException {
        Path a = csv("nokey.csv", "id,x", "c1,1");
        assertThatThrownBy(() -> CsvTables.read(a, "")).hasMessageContaining("nokey.csv").hasMessageContaining("no case_id column");
    }

    @Test
    void a_repeated_case_is_an_error_unless_long_format_is_asked_for() throws IOException {
        Path a = csv("rep.csv", "case_id,x", "c1,1", "c1,2");
        assertThatThrownBy(() -> CsvTables.read(a, "")).hasMessageContaining("rep.csv line 3").hasMessageContaining("repeats line 2");
        assertThat(CsvTables.read(a, "", true).rowCount()).isEqualTo(2);
    }

    @Test
    void a_value_that_is_not_a_number_names_file_line_and_column_but_not_the_case() throws IOException {
        Path a = csv("bad.csv", "case_id,x", "secret-id,1", "other-id,abc");
        Table t = CsvTables.read(a, "");
        assertThatThrownBy(() -> t.numeric("x")).hasMessage(a + " line 3: column x: 'abc' is not a number")
            .hasMessageNotContaining("other-id");
        for (String v : List.of("NaN", "Infinity", "1d", "0x10")) {
            Table u = CsvTables.read(csv("v.csv", "case_id,x", "c1," + v), "");
            assertThatThrownBy(() -> u.numeric("x")).as(v).hasMessageContaining("is not a number");
        }
    }

    @Test
    void missing_values_are_empty_fields_and_exponents_parse() throws IOException {
        Table t = CsvTables.read(csv("m.csv", "case_id,x,y", "c1,,1.2e-05", "c2,3,\"4\""), "");
        assertThat(t.numeric("y")).containsExactly(1.2e-05, 4);
        assertThat(t.completeRows(List.of("x", "y"))).containsExactly(1);
        assertThat(t.completeRows(List.of("y"))).containsExactly(0, 1);
    }

    @Test
    void a_missing_column_is_an_error_naming_it_and_the_files() throws IOException {
        Table t = CsvTables.read(csv("f.csv", "case_id,x", "c1,1"), "");
        assertThatThrownBy(() -> t.require("nope")).hasMessageContaining("no column 'nope' in").hasMessageContaining("f.csv");
    }

    @Test
    void a_row_with_the_wrong_number_of_fields_is_an_error() throws IOException {
        Path a = csv("short.csv", "case_id,x,y", "c1,1");
        assertThatThrownBy(() -> CsvTables.read(a, "")).hasMessageContaining("short.csv line 2: 2 fields, the header has 3");
    }

    @Test
    void the_cohort_joins_features_clinical_and_both_genomics_tables_with_prefixes() {
        Path dir = root().resolve("data/analysis/cohort-2026");
        CsvTables.Joined j = CsvTables.readAndJoin(List.of(src(dir.resolve("features.csv"), ""), src(dir.resolve("clinical.csv"), ""),
            src(dir.resolve("genomics_mutations.csv"), "mut_"), src(dir.resolve("genomics_expression.csv"), "expr_")));
        assertThat(j.table().rowCount()).isEqualTo(240);
        assertThat(j.droppedRows()).isZero();
        assertThat(j.table().columnNames()).contains("mut_EGFR", "expr_EGFR", "os_time");
        // 221 complete cases over the 60 features, as the cohort's README says
        assertThat(j.table().completeRows(j.table().columnsFrom(dir.resolve("features.csv").toString()))).hasSize(221);
    }

    /** The checksum taken while reading equals the cohort's published SHA256SUMS (data/analysis/SHA256SUMS). */
    @Test
    void each_input_carries_the_sha256_of_the_bytes_read() throws IOException {
        Path dir = root().resolve("data/analysis");
        java.util.Map<String, String> sums = new java.util.HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("SHA256SUMS"))) {
            String[] f = line.trim().split("\\s+");
            sums.put(f[1], f[0]);
        }
        CsvTables.Joined j = CsvTables.readAndJoin(List.of(src(dir.resolve("cohort-2026/features.csv"), ""),
            src(dir.resolve("cohort-2026/genomics_mutations.csv"), "mut_")));
        assertThat(j.inputs()).extracting(CsvTables.Input::sha256)
            .containsExactly(sums.get("cohort-2026/features.csv"), sums.get("cohort-2026/genomics_mutations.csv"));
        assertThat(CsvTables.readWithChecksum(dir.resolve("cohort-2026/test_retest.csv"), "", true).sha256())
            .isEqualTo(sums.get("cohort-2026/test_retest.csv"));
    }

    static Path root() {
        String root = System.getProperty("radiome.root");
        Path p = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("data/analysis"))) p = p.getParent();
        return p;
    }
}
