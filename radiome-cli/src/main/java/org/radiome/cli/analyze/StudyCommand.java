package org.radiome.cli.analyze;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.radiome.analysis.AnalysisException;
import org.radiome.analysis.study.Learners;
import org.radiome.analysis.study.ModelCard;
import org.radiome.analysis.study.Performance;
import org.radiome.analysis.study.Pipeline;
import org.radiome.analysis.study.Study;
import org.radiome.analysis.study.StudyData;
import org.radiome.analysis.study.StudyReport;
import org.radiome.analysis.study.StudySpec;
import org.radiome.analysis.study.StudyWriter;
import org.radiome.cli.Radiome;
import org.radiome.cli.UserFacingException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radiome analyze study}: the whole modelling study from a YAML spec, validated by nested cross-validation. */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = {"Runs a radiomics study from a YAML spec: joins the tables, filters features by test-retest ICC,",
            "harmonises (ComBat) inside each training fold, selects features (univariate + BH, correlation pruning,",
            "lasso) inside each training fold, fits the model, validates it by nested cross-validation with a fixed",
            "seed, and refits the final model on every case.",
            "Writes model.json (model card + final model), predictions.csv, univariate.csv (each feature against the outcome),",
            "associations.csv (with an associations section: each feature against each listed variable) and report.html to --out.",
            "Progress goes to stderr. Spec keys: README.md, 'analyze study'."},
        footer = {"", "Example:", "  radiome analyze study --spec data/analysis/study-cohort-2026.yaml --out /tmp/study"})
final class StudyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--spec", required = true, paramLabel = "study.yaml", description = "The study specification.")
    Path specFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if needed; files in it are replaced).")
    Path out;

    @Override
    public Integer call() throws UserFacingException {
        long start = System.nanoTime();
        PrintWriter err = spec.commandLine().getErr();
        Consumer<String> log = s -> {
            err.println("radiome analyze study: " + s);
            err.flush();
        };
        try {
            StudySpec s = StudySpec.read(specFile);
            try {
                Files.createDirectories(out);
            } catch (IOException e) {
                throw new UserFacingException(out + ": cannot create the output folder: " + e.getMessage());
            }
            var learner = Learners.forSpec(s);
            StudyData data = StudyData.load(s);
            StudyData.Cohort c = data.cohort();
            log.accept(String.format(Locale.ROOT, "%d cases (%d dropped by the join, %d for a missing value), %d candidate features, %d %s",
                data.size(), c.droppedByJoin(), c.droppedMissing(), c.candidateFeatures(), data.features().size(),
                s.reproducibility() == null ? "used" : "pass " + s.reproducibility().icc() + " >= " + s.reproducibility().minIcc()));
            Study.Result r = Study.run(s, data, learner, log, Pipeline.Trace.NONE);
            String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
            String version = Radiome.class.getPackage().getImplementationVersion();
            StudyWriter.writeJson(out.resolve("model.json"), ModelCard.write(r, Learners::write, version == null ? "development" : version, date));
            StudyWriter.writeLines(out.resolve("predictions.csv"), StudyWriter.predictions(r));
            StudyWriter.writeLines(out.resolve("univariate.csv"), StudyWriter.univariate(r));
            if (s.associations() != null) StudyWriter.writeLines(out.resolve("associations.csv"), StudyWriter.associations(r));
            StudyWriter.writeString(out.resolve("report.html"), StudyReport.html(r, date));
            Performance.Estimate m = r.overall().get(r.metricName());
            log.accept(String.format(Locale.ROOT, "out-of-fold %s %.3f [%.3f, %.3f]; final model: %d features; %.1f s -> %s",
                r.metricName().equals("auc") ? "AUC" : "C", m.value(), m.lower(), m.upper(), r.finalFit().selected().size(),
                (System.nanoTime() - start) / 1e9, out));
            for (Study.Subgroup g : r.subgroups()) {
                if (g.warning() != null) log.accept("warning: subgroup " + g.variable() + " = " + g.level() + ": " + g.warning());
            }
        } catch (AnalysisException e) {
            throw new UserFacingException(e.getMessage());
        }
        return 0;
    }
}
