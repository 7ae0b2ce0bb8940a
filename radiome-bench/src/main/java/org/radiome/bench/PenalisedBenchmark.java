package org.radiome.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.radiome.analysis.model.LambdaRule;
import org.radiome.analysis.model.LinearModel;
import org.radiome.analysis.model.PenalisedCox;
import org.radiome.analysis.model.PenalisedLogistic;
import org.radiome.analysis.model.TrainingData;
import org.radiome.analysis.table.CsvTables;
import org.radiome.analysis.table.Table;

/**
 * One cross-validated fit of the penalised learners on the analysis cohort (data/analysis/cohort-2026: the 221
 * cases with all 60 features): 10-fold inner CV over 100 lambdas, then the fit at lambda.min. {@code learner}:
 * {@code logistic} = elastic net (alpha 0.5) on {@code response}, {@code cox} = lasso on (os_time, os_event);
 * {@code minRatio}: the end of the path, 0.01 or glmnet's n > p default 1e-4. Run from the repository root:
 * {@code java -jar radiome-bench/target/benchmarks.jar PenalisedBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class PenalisedBenchmark {
    @Param({"logistic", "cox"})
    public String learner;

    @Param({"0.01", "0.0001"})
    public double minRatio;

    private TrainingData data;

    @Setup(Level.Trial)
    public void load() throws java.io.IOException {
        Path cohort = FamilyBenchmark.BenchData.root().resolve("data/analysis/cohort-2026");
        Table d = CsvTables.readAndJoin(List.of(new CsvTables.Source(cohort.resolve("features.csv"), null),
            new CsvTables.Source(cohort.resolve("clinical.csv"), null))).table();
        List<String> features = List.of(java.nio.file.Files.readAllLines(cohort.resolve("features.csv")).get(0).split(",")).subList(1, 61);
        Table cc = d.rows(d.completeRows(features));
        double[][] x = new double[cc.rowCount()][features.size()];
        for (int j = 0; j < features.size(); j++) {
            double[] c = cc.numeric(features.get(j));
            for (int i = 0; i < c.length; i++) x[i][j] = c[i];
        }
        if (learner.equals("logistic")) {
            data = TrainingData.binary(features, x, cc.numeric("response"));
        } else {
            double[] e = cc.numeric("os_event");
            int[] event = new int[e.length];
            for (int i = 0; i < e.length; i++) event[i] = (int) e[i];
            data = TrainingData.survival(features, x, cc.numeric("os_time"), event);
        }
    }

    @Benchmark
    public LinearModel cvFit() {
        return learner.equals("logistic")
            ? new PenalisedLogistic(0.5, 10, LambdaRule.MIN, 100, minRatio).fit(data, 42)
            : new PenalisedCox(1, 10, LambdaRule.MIN, 100, minRatio).fit(data, 42);
    }
}
