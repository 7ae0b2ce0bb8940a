package org.radiome.analysis.study;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The bundled cohort and spec files written next to it for tests. */
final class StudyFixtures {
    private StudyFixtures() { }

    static Path root() {
        String root = System.getProperty("radiome.root");
        Path p = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("data/analysis"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("cannot find the repository's data/analysis folder");
        return p;
    }

    static Path cohort(String file) {
        return root().resolve("data/analysis/cohort-2026").resolve(file);
    }

    /** Writes a spec (YAML text, with COHORT standing for the cohort folder) into {@code dir}. */
    static Path spec(Path dir, String yaml) {
        try {
            Path f = dir.resolve("study.yaml");
            Files.writeString(f, yaml.replace("COHORT", root().resolve("data/analysis/cohort-2026").toString()));
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final String BINARY = """
        seed: 7
        data:
          - file: COHORT/features.csv
          - file: COHORT/clinical.csv
        outcome: {type: binary, column: response}
        features: {table: 0}
        subgroups: {sex: sex, site: site, age: age, age_cuts: [60, 70]}
        reproducibility: {table: COHORT/test_retest.csv, icc: ICC3, min_icc: 0.31}
        harmonisation: {batch: site}
        validation: {folds: 5, repeats: 1, bootstrap: 100}
        """;

    static final String SURVIVAL = """
        seed: 11
        data:
          - file: COHORT/features.csv
          - file: COHORT/clinical.csv
        outcome: {type: survival, time: os_time, event: os_event}
        features: {table: 0}
        subgroups: {sex: sex, site: site, age: age}
        reproducibility: {table: COHORT/test_retest.csv, icc: ICC3, min_icc: 0.31}
        harmonisation: {batch: site, covariates: [stage]}
        validation: {folds: 5, repeats: 1, bootstrap: 100}
        """;
}
