package org.radiome.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.radiome.cli.analyze.Cohort.assertOneLineError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** Bad input to {@code analyze}: one clear line on stderr and exit 1, or a documented warning; never NaN. */
class BadInputTest {
    @TempDir
    Path tmp;

    String csv(String name, String... lines) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, List.of(lines));
        return p.toString();
    }

    @Test
    void missing_column() {
        assertOneLineError(Cohort.analyze("associate", "--data", Cohort.file("features.csv"), "--features", "stat_mean",
            "--with", "no_such_gene", "--test", "pearson"), "no column 'no_such_gene'", "features.csv");
    }

    @Test
    void file_without_case_id() throws IOException {
        String f = csv("x.csv", "id,a,b", "1,2,3");
        assertOneLineError(Cohort.analyze("associate", "--data", f, "--features", "a", "--with", "b", "--test", "pearson"),
            "x.csv", "no case_id column");
    }

    @Test
    void non_numeric_value() throws IOException {
        String f = csv("x.csv", "case_id,a,b", "p1,1,2", "p2,2,oops", "p3,3,1", "p4,5,7");
        assertOneLineError(Cohort.analyze("associate", "--data", f, "--features", "a", "--with", "b", "--test", "spearman"),
            "x.csv line 3", "column b", "'oops' is not a number");
    }

    @Test
    void clash_of_column_names() {
        assertOneLineError(Cohort.analyze("associate", "--data", Cohort.file("genomics_mutations.csv"),
            "--data", Cohort.file("genomics_expression.csv"), "--features", "all", "--with", "VEGFA", "--test", "pearson"),
            "column 'EGFR'", "prefix");
    }

    @Test
    void group_with_one_level() throws IOException {
        String f = csv("x.csv", "case_id,a,g", "p1,1,1", "p2,2,1", "p3,3,1");
        assertOneLineError(Cohort.analyze("associate", "--data", f, "--features", "a", "--with", "g", "--test", "welch"),
            "variable g has 1 level", "exactly 2");
    }

    @Test
    void constant_feature_is_skipped_with_a_warning() throws IOException {
        String f = csv("x.csv", "case_id,a,c,g", "p1,1,5,0", "p2,2,5,1", "p3,3,5,0", "p4,4,5,1", "p5,6,5,1");
        Cohort.Run run = Cohort.analyze("associate", "--data", f, "--features", "a,c", "--with", "g", "--test", "mann-whitney");
        assertThat(run.json().get("results")).hasSize(1);
        assertThat(run.json().get("warnings").get(0).asText()).contains("feature c is constant");
        assertThat(run.err()).contains("warning: feature c is constant");
    }

    @Test
    void missing_values_are_dropped_per_test_and_counted() throws IOException {
        String f = csv("x.csv", "case_id,a,b", "p1,1,2", "p2,,3", "p3,3,1", "p4,5,7", "p5,2,2");
        var r = Cohort.analyze("associate", "--data", f, "--features", "a", "--with", "b", "--test", "pearson").json();
        assertThat(r.get("results").get(0).get("n").asInt()).isEqualTo(4);
        assertThat(r.get("results").get(0).get("n_missing").asInt()).isEqualTo(1);
    }

    @Test
    void no_shared_case() throws IOException {
        String a = csv("a.csv", "case_id,a", "p1,1");
        String b = csv("b.csv", "case_id,b", "p2,1");
        assertOneLineError(Cohort.analyze("associate", "--data", a, "--data", b, "--features", "a", "--with", "b", "--test", "pearson"),
            "share no case_id");
    }

    @Test
    void event_that_is_not_zero_or_one() throws IOException {
        String f = csv("s.csv", "case_id,t,e", "p1,1,1", "p2,2,2", "p3,3,0");
        assertOneLineError(Cohort.analyze("km", "--data", f, "--time", "t", "--event", "e"), "event column e must be 0", "found 2.0");
    }

    @Test
    void constant_cox_covariate() throws IOException {
        String f = csv("s.csv", "case_id,t,e,x", "p1,1,1,3", "p2,2,1,3", "p3,3,0,3", "p4,4,1,3");
        assertOneLineError(Cohort.analyze("cox", "--data", f, "--time", "t", "--event", "e", "--covariates", "x"), "covariate x is constant");
    }

    @Test
    void cox_covariate_that_separates_the_events() throws IOException {
        // the larger x always dies first: the partial likelihood has no maximum
        String f = csv("s.csv", "case_id,t,e,x", "p1,1,1,4", "p2,2,1,3", "p3,3,1,2", "p4,4,1,1");
        assertOneLineError(Cohort.analyze("cox", "--data", f, "--time", "t", "--event", "e", "--covariates", "x"), "separates the events");
    }

    @Test
    void km_reaching_zero_reports_null_errors_with_a_warning() throws IOException {
        String f = csv("s.csv", "case_id,t,e", "p1,1,1", "p2,2,0", "p3,3,1");
        Cohort.Run run = Cohort.analyze("km", "--data", f, "--time", "t", "--event", "e");
        JsonNode g = run.json().get("groups").get("all");
        assertThat(g.get("surv").get(2).asDouble()).isZero();
        assertThat(g.get("std_err").get(2).isNull()).isTrue();
        assertThat(g.get("median").asDouble()).isEqualTo(3);
        assertThat(run.err()).contains("warning: group all: survival reaches 0");
    }

    @Test
    void response_with_one_class() throws IOException {
        String f = csv("l.csv", "case_id,y,x", "p1,1,1", "p2,1,2", "p3,1,3");
        assertOneLineError(Cohort.analyze("logistic", "--data", f, "--response", "y", "--covariates", "x"), "response y has one class only");
    }

    @Test
    void perfect_separation() throws IOException {
        String f = csv("l.csv", "case_id,y,x", "p1,0,1", "p2,0,2", "p3,0,3", "p4,1,4", "p5,1,5", "p6,1,6");
        assertOneLineError(Cohort.analyze("logistic", "--data", f, "--response", "y", "--covariates", "x"), "perfect separation");
    }

    @Test
    void combat_with_one_batch() throws IOException {
        String f = csv("c.csv", "case_id,site,a,b", "p1,A,1,2", "p2,A,2,3", "p3,A,3,5");
        assertOneLineError(Cohort.analyze("combat", "--data", f, "--batch", "site", "--features", "a,b",
            "--harmonised", tmp.resolve("h.csv").toString()), "at least 2 batches");
    }

    @Test
    void glmnet_binomial_with_one_class_and_cox_without_time() throws IOException {
        String f = csv("g.csv", "case_id,y,a,b", "p1,1,1,2", "p2,1,2,3", "p3,1,3,5");
        assertOneLineError(Cohort.analyze("glmnet", "--data", f, "--family", "binomial", "--lambda", "0.1",
            "--predictors", "a,b", "--response", "y"), "one class");
        assertOneLineError(Cohort.analyze("glmnet", "--data", f, "--family", "cox", "--lambda", "0.1",
            "--predictors", "a,b", "--response", "y"), "needs --time and --event");
    }

    @Test
    void glmnet_fold_ids_that_are_not_whole_numbers_or_leave_a_fold_empty_or_a_cox_fold_without_events() throws IOException {
        String f = csv("f.csv", "case_id,x,y,fold", "a,1,1.5,1", "b,2,2.5,2", "c,3,2.0,3.5", "d,4,4.5,1", "e,5,4.0,2", "f,6,6.5,3");
        assertOneLineError(Cohort.analyze("glmnet", "--data", f, "--family", "gaussian", "--lambda", "0.1",
            "--predictors", "x", "--response", "y", "--foldid", "fold"), "--foldid column fold must hold whole numbers", "3.5");
        String g = csv("g.csv", "case_id,x,y,fold", "a,1,1.5,1", "b,2,2.5,2", "c,3,2.0,4", "d,4,4.5,1", "e,5,4.0,2", "f,6,6.5,4");
        assertOneLineError(Cohort.analyze("glmnet", "--data", g, "--family", "gaussian", "--lambda", "0.1",
            "--predictors", "x", "--response", "y", "--foldid", "fold"), "fold 3 has no cases");
        String h = csv("h.csv", "case_id,x,t,e,fold", "a,1,1.5,1,1", "b,2,2.5,0,2", "c,3,2.0,1,3", "d,4,4.5,1,1", "e,5,4.0,0,2", "f,6,6.5,1,3");
        assertOneLineError(Cohort.analyze("glmnet", "--data", h, "--family", "cox", "--lambda", "0.1",
            "--predictors", "x", "--time", "t", "--event", "e", "--foldid", "fold"), "fold 2 has no events");
    }
}
