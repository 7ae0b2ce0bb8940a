package org.radiome.analysis.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.radiome.analysis.metrics.Discrimination;
import org.radiome.analysis.table.CsvTables;
import org.radiome.analysis.table.Table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The study's association section against R (data/analysis/cohort-2026/reference.json): wilcox.test of every
 * feature by KRAS status with p.adjust(BH) over the 60 tests ("kras_tests"), and cor.test(method = "spearman",
 * exact = FALSE) of features with expression genes ("correlation"); NA pairs dropped as R drops them.
 */
class AssociationsTest {
    static double rel(double expected) { return Math.max(1e-6 * Math.abs(expected), 1e-9); }

    static Table cohort() {
        return CsvTables.readAndJoin(List.of(new CsvTables.Source(StudyFixtures.cohort("features.csv"), ""),
            new CsvTables.Source(StudyFixtures.cohort("genomics_mutations.csv"), "mut_"),
            new CsvTables.Source(StudyFixtures.cohort("genomics_expression.csv"), "expr_"))).table();
    }

    static JsonNode reference() throws IOException {
        return new ObjectMapper().readTree(StudyFixtures.cohort("reference.json").toFile());
    }

    @Test
    void mann_whitney_by_kras_with_bh_over_the_section_equals_r() throws IOException {
        Table t = cohort();
        List<String> features = t.columnsFrom(t.sources().get(0));
        double[][] x = features.stream().map(t::numeric).toArray(double[][]::new);
        double[] kras = t.numeric("mut_KRAS");
        List<Associations.Result> results = Associations.run(features, x, List.of("mut_KRAS"), new double[][] {kras}, "auto");
        JsonNode ref = reference().get("kras_tests").get("results");
        assertThat(results).hasSize(60);
        for (JsonNode r : ref) {
            Associations.Result a = results.stream().filter(e -> e.feature().equals(r.get("feature").asText())).findFirst().orElseThrow();
            JsonNode mw = r.get("mann_whitney");
            assertThat(a.test()).isEqualTo("mann-whitney");
            assertThat(a.n()).isEqualTo(r.get("n_mutant").asInt() + r.get("n_wildtype").asInt());
            assertThat(a.statistic()).as(a.feature()).isCloseTo(mw.get("W").asDouble(), within(rel(mw.get("W").asDouble())));
            assertThat(a.p()).as(a.feature()).isCloseTo(mw.get("p").asDouble(), within(rel(mw.get("p").asDouble())));
            assertThat(a.q()).as(a.feature()).isCloseTo(mw.get("q_bh").asDouble(), within(rel(mw.get("q_bh").asDouble())));
            // rank-biserial correlation = 2 AUC - 1 of the feature as a score for the mutation (an identity of W)
            List<Double> yv = new ArrayList<>(), sv = new ArrayList<>();
            double[] f = x[features.indexOf(a.feature())];
            for (int i = 0; i < f.length; i++) if (!Double.isNaN(f[i])) { yv.add(kras[i]); sv.add(f[i]); }
            double auc = Discrimination.auc(yv.stream().mapToDouble(Double::doubleValue).toArray(), sv.stream().mapToDouble(Double::doubleValue).toArray());
            assertThat(a.estimate()).isCloseTo(2 * auc - 1, within(1e-12));
        }
    }

    @Test
    void spearman_with_expression_equals_r() throws IOException {
        Table t = cohort();
        JsonNode c = reference().get("correlation");
        List<String> features = new ArrayList<>(), genes = new ArrayList<>();
        c.get("features").forEach(n -> features.add(n.asText()));
        c.get("genes").forEach(n -> genes.add("expr_" + n.asText()));
        double[][] x = features.stream().map(t::numeric).toArray(double[][]::new);
        double[][] g = genes.stream().map(t::numeric).toArray(double[][]::new);
        List<Associations.Result> results = Associations.run(features, x, genes, g, "auto");
        assertThat(results).hasSize(features.size() * genes.size());
        int checked = 0;
        for (JsonNode r : c.get("results")) {
            Associations.Result a = results.stream().filter(e -> e.feature().equals(r.get("feature").asText())
                && e.variable().equals("expr_" + r.get("gene").asText())).findFirst().orElseThrow();
            JsonNode sp = r.get("spearman");
            assertThat(a.test()).isEqualTo("spearman");
            assertThat(a.n()).isEqualTo(r.get("n").asInt());
            assertThat(a.estimate()).isCloseTo(sp.get("rho").asDouble(), within(rel(sp.get("rho").asDouble())));
            assertThat(a.statistic()).isCloseTo(sp.get("S").asDouble(), within(rel(sp.get("S").asDouble())));
            assertThat(a.p()).isCloseTo(sp.get("p").asDouble(), within(rel(sp.get("p").asDouble())));
            checked++;
        }
        assertThat(checked).isPositive();
    }

    @Test
    void a_variable_with_one_class_or_not_coded_0_1_is_a_clear_error() {
        double[][] x = {{1, 2, 3, 4, 5}};
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Associations.run(List.of("f"), x, List.of("g"),
            new double[][] {{0, 0, 0, 0, Double.NaN}}, "mann-whitney")).isInstanceOf(StudyException.class).hasMessageContaining("g has no case coded 1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Associations.run(List.of("f"), x, List.of("g"),
            new double[][] {{0, 2, 0, 1, 1}}, "mann-whitney")).hasMessageContaining("not coded 0/1");
    }
}
