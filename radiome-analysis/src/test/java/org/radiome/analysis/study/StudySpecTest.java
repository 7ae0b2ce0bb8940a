package org.radiome.analysis.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radiome.analysis.model.Outcome;

class StudySpecTest {
    @TempDir Path tmp;

    @Test
    void the_shipped_example_reads_with_its_settings() {
        StudySpec s = StudySpec.read(StudyFixtures.root().resolve("data/analysis/study-cohort-2026.yaml"));
        assertThat(s.outcome().type()).isEqualTo(Outcome.BINARY);
        assertThat(s.data()).hasSize(4);
        assertThat(s.associations().tables()).containsExactly(2);
        assertThat(s.report().time()).isEqualTo("os_time");
        assertThat(s.report().riskGroups()).isEqualTo(2);
        assertThat(s.data().get(0).file()).exists();
        assertThat(s.reproducibility().table()).exists();
        assertThat(s.harmonisation().batch()).isEqualTo("site");
        assertThat(s.validation().folds()).isEqualTo(5);
    }

    @Test
    void the_spec_carries_the_sha256_of_its_bytes() throws Exception {
        Path file = StudyFixtures.root().resolve("data/analysis/study-cohort-2026.yaml");
        String want = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(java.nio.file.Files.readAllBytes(file)));
        assertThat(StudySpec.read(file).sha256()).isEqualTo(want);
    }

    @Test
    void defaults_apply_to_absent_sections() {
        StudySpec s = StudySpec.read(StudyFixtures.spec(tmp, """
            data: [{file: COHORT/features.csv}, {file: COHORT/clinical.csv}]
            outcome: {type: survival, time: os_time, event: os_event}
            features: all
            """));
        assertThat(s.model().learner()).isEqualTo("penalised-cox");
        assertThat(s.selection().qMax()).isEqualTo(0.1);
        assertThat(s.validation().repeats()).isEqualTo(2);
        assertThat(s.harmonisation()).isNull();
    }

    /** A section left out and the same section given empty read alike: each default lives in one place (subgroups' age_cuts included). */
    @Test
    void an_absent_section_reads_as_an_empty_one() {
        String base = """
            data: [{file: COHORT/features.csv}, {file: COHORT/clinical.csv}]
            outcome: {type: binary, column: response}
            features: all
            """;
        StudySpec absent = StudySpec.read(StudyFixtures.spec(tmp, base));
        StudySpec empty = StudySpec.read(StudyFixtures.spec(tmp, base + "subgroups: {}\nselection: {}\nmodel: {}\nvalidation: {}\nreport: {}\n"));
        assertThat(absent.subgroups().ageCuts()).containsExactly(60, 70);
        assertThat(empty.subgroups().ageCuts()).containsExactly(absent.subgroups().ageCuts());
        assertThat(empty.subgroups()).usingRecursiveComparison().isEqualTo(absent.subgroups());
        assertThat(empty.selection()).isEqualTo(absent.selection());
        assertThat(empty.model()).isEqualTo(absent.model());
        assertThat(empty.validation()).isEqualTo(absent.validation());
        assertThat(empty.report()).isEqualTo(absent.report());
        assertThat(absent.selection()).isEqualTo(new StudySpec.SelectionSpec(0.1, 10, 0.9, true, "1se", 5, 30));
        assertThat(absent.model()).isEqualTo(new StudySpec.ModelSpec("penalised-logistic", 5, 0.5, java.util.List.of()));
        assertThat(absent.validation()).isEqualTo(new StudySpec.ValidationSpec(5, 2, 1000));
        assertThat(absent.subgroups().minCases()).isEqualTo(30);
        assertThat(absent.subgroups().minPerClass()).isEqualTo(10);
    }

    private void assertBad(String yaml, String... fragments) {
        Path f = StudyFixtures.spec(tmp, yaml);
        assertThatThrownBy(() -> StudySpec.read(f)).isInstanceOf(StudyException.class)
            .satisfies(e -> {
                assertThat(e.getMessage().lines().count()).isEqualTo(1);
                for (String fr : fragments) assertThat(e.getMessage()).contains(fr);
            });
    }

    @Test
    void bad_specs_name_the_key() {
        String base = "data: [{file: COHORT/features.csv}]\noutcome: {type: binary, column: response}\nfeatures: all\n";
        assertBad(base + "validation: {folds: 1}\n", "key 'validation.folds'", "[2, 50]");
        assertBad(base + "validation: {fold: 5}\n", "key 'validation.fold'", "not a known key");
        assertBad(base.replace("binary", "binomial"), "key 'outcome.type'", "binary or survival");
        assertBad(base.replace("column: response", "time: t"), "key 'outcome.time'", "does not apply");
        assertBad("outcome: {type: binary, column: response}\nfeatures: all\n", "key 'data' is missing");
        assertBad(base + "reproducibility: {table: x.csv, icc: ICC4}\n", "key 'reproducibility.icc'");
        assertBad(base + "selection: {q_max: high}\n", "key 'selection.q_max'", "must be a number");
        assertBad(base + "subgroups: {age: age, age_cuts: [70, 60]}\n", "key 'subgroups.age_cuts'", "increase");
        assertBad(base + "features: {columns: [a], prefix: b}\n".replace("features: all\n", ""), "features");
        assertBad("data: [\n", "not valid YAML");
        assertBad(base + "associations: {test: auto}\n", "key 'associations'", "'with'");
        assertBad(base + "associations: {with: [KRAS], test: pearson}\n", "key 'associations.test'");
        assertBad(base + "associations: {tables: [3]}\n", "key 'associations.tables'");
        assertBad(base + "report: {risk_groups: halves}\n", "key 'report.risk_groups'", "tertiles");
        assertBad(base + "report: {risk_groups: 1}\n", "key 'report.risk_groups'");
        assertBad(base.replace("type: binary, column: response", "type: survival, time: t, event: e") + "report: {survival: {time: t, event: e}}\n",
            "key 'report.survival'", "does not apply");
    }

    @Test
    void missing_columns_name_the_key_at_load() {
        StudySpec s = StudySpec.read(StudyFixtures.spec(tmp, """
            data: [{file: COHORT/features.csv}, {file: COHORT/clinical.csv}]
            outcome: {type: binary, column: responder}
            features: all
            """));
        assertThatThrownBy(() -> StudyData.load(s)).isInstanceOf(StudyException.class)
            .hasMessageContaining("key 'outcome'").hasMessageContaining("responder");
        StudySpec h = StudySpec.read(StudyFixtures.spec(tmp, """
            data: [{file: COHORT/features.csv}, {file: COHORT/clinical.csv}]
            outcome: {type: binary, column: response}
            features: {table: 0}
            harmonisation: {batch: scanner}
            """));
        assertThatThrownBy(() -> StudyData.load(h)).hasMessageContaining("key 'harmonisation.batch'").hasMessageContaining("scanner");
        StudySpec a = StudySpec.read(StudyFixtures.spec(tmp, """
            data: [{file: COHORT/features.csv}, {file: COHORT/clinical.csv}]
            outcome: {type: binary, column: response}
            features: {table: 0}
            associations: {with: [KRAS]}
            """));
        assertThatThrownBy(() -> StudyData.load(a)).hasMessageContaining("key 'associations.with'").hasMessageContaining("KRAS");
        StudySpec k = StudySpec.read(StudyFixtures.spec(tmp, """
            data: [{file: COHORT/features.csv}, {file: COHORT/clinical.csv}]
            outcome: {type: binary, column: response}
            features: {table: 0}
            report: {survival: {time: os_time, event: death}}
            """));
        assertThatThrownBy(() -> StudyData.load(k)).hasMessageContaining("key 'report.survival.event'").hasMessageContaining("death");
        StudySpec t = StudySpec.read(StudyFixtures.spec(tmp, """
            data: [{file: COHORT/features.csv}, {file: COHORT/clinical.csv}]
            outcome: {type: binary, column: response}
            features: {table: 0}
            associations: {with: [sex]}
            """));
        assertThatThrownBy(() -> StudyData.load(t)).hasMessageContaining("column sex").hasMessageContaining("not a number");
    }
}
