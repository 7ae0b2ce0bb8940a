package org.radiome.analysis.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.radiome.analysis.metrics.Calibration;
import org.radiome.analysis.metrics.Discrimination;
import org.radiome.analysis.metrics.RiskGroups;
import org.radiome.analysis.model.Folds;
import org.radiome.analysis.model.Learner;
import org.radiome.analysis.model.Outcome;

/**
 * Runs a study: nested cross-validation of the whole {@link Pipeline} (outer stratified folds, repeated,
 * with a fixed seed; the learner's own tuning is the inner loop), out-of-fold scores, performance overall and
 * per subgroup with seeded bootstrap intervals, and the final pipeline refitted on every case.
 */
public final class Study {
    private Study() { }

    /** What one outer fold did: its sizes and the features each selection step kept. */
    public record FoldSummary(int repeat, int fold, int train, int test, int significant, int pruned, List<String> selected) { }

    /** Performance in one subgroup level. */
    public record Subgroup(String variable, String level, int n, int positives, Performance.Estimate metric, String warning) { }

    /**
     * The outcome of a study; {@code harmonised} is every case's reproducible features ({@code [feature][case]}),
     * ComBat-harmonised with the final fit's estimates when the spec harmonises (else as read).
     */
    public record Result(StudySpec spec, StudyData data, String learner, int[][] folds, double[][] oof, double[] score,
                         List<FoldSummary> foldSummaries, Map<String, Performance.Estimate> overall, double[] perRepeat,
                         List<Subgroup> subgroups, Calibration.Bins calibration, Pipeline.Fitted finalFit,
                         double[] finalScores, double[] riskCuts, Map<String, Integer> selectionFrequency,
                         List<Associations.Result> associations, double[][] harmonised) {

        /** The main metric's name: AUC for a binary outcome, Harrell's C for survival. */
        public String metricName() { return data.outcome() == Outcome.BINARY ? "auc" : "c_index"; }
    }

    public static Result run(StudySpec spec, StudyData data, Learner learner, Consumer<String> log, Pipeline.Trace trace) {
        if (!learner.supports(data.outcome())) {
            throw new StudyException(spec.file() + ": key 'model.learner': " + learner.name() + " cannot fit a "
                + data.outcome().name().toLowerCase(java.util.Locale.ROOT) + " outcome");
        }
        int n = data.size(), k = spec.validation().folds(), repeats = spec.validation().repeats();
        int[] stratum = new int[n];
        for (int i = 0; i < n; i++) stratum[i] = data.outcome() == Outcome.BINARY ? (int) data.y()[i] : data.event()[i];
        int[][] folds = new int[repeats][];
        double[][] oof = new double[repeats][n];
        List<FoldSummary> summaries = new ArrayList<>();
        Map<String, Integer> frequency = new TreeMap<>();
        for (int r = 0; r < repeats; r++) {
            folds[r] = Folds.stratified(stratum, k, derive(spec.seed(), r, -1));
            for (int f = 1; f <= k; f++) {
                int[] train = members(folds[r], f, false), test = members(folds[r], f, true);
                Pipeline.Fitted fit = Pipeline.fit(spec, data, train, learner, derive(spec.seed(), r, f - 1), trace);
                double[] s = fit.score(data, test);
                for (int i = 0; i < test.length; i++) oof[r][test[i]] = s[i];
                summaries.add(new FoldSummary(r + 1, f, train.length, test.length, fit.significant().size(), fit.pruned().size(),
                    fit.selected()));
                for (String feature : fit.selected()) frequency.merge(feature, 1, Integer::sum);
                log.accept("repeat " + (r + 1) + "/" + repeats + ", fold " + f + "/" + k + ": " + fit.significant().size()
                    + " significant, " + fit.pruned().size() + " after pruning, " + fit.selected().size() + " selected");
            }
        }
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < repeats; r++) score[i] += oof[r][i] / repeats;
        }
        log.accept("final model on all " + n + " cases");
        int[] all = java.util.stream.IntStream.range(0, n).toArray();
        Pipeline.Fitted finalFit = Pipeline.fit(spec, data, all, learner, derive(spec.seed(), repeats, 0), trace);
        double[] finalScores = finalFit.score(data, all);
        double[][] harmonised = finalFit.trainingFeatures(); // the final fit trains on every case, in case order
        double[] riskCuts = RiskGroups.cutPoints(finalScores, spec.report().riskGroups());
        List<Associations.Result> associations = List.of();
        if (spec.associations() != null) {
            log.accept("associations: " + data.features().size() + " features x " + data.variables().size() + " variables");
            associations = Associations.run(data.features(), harmonised, data.variables(), data.variableValues(),
                spec.associations().test());
        }

        log.accept("performance with " + spec.validation().bootstrap() + " bootstrap resamples");
        long bootSeed = derive(spec.seed(), -1, -1);
        Map<String, Performance.Estimate> overall = new LinkedHashMap<>();
        double[] perRepeat = new double[repeats];
        Calibration.Bins calibration = null;
        int boots = spec.validation().bootstrap();
        if (data.outcome() == Outcome.BINARY) {
            double[] y = data.y();
            Performance.BinaryEstimates measures = Performance.binary(y, score, boots, bootSeed);
            overall.put("auc", measures.auc());
            Discrimination.Auc delong = Discrimination.aucWithCi(y, score);
            overall.put("auc_delong", new Performance.Estimate(delong.auc(), delong.lower(), delong.upper(), "DeLong"));
            overall.put("brier", measures.brier());
            overall.put("calibration_intercept", measures.calibrationIntercept());
            overall.put("calibration_slope", measures.calibrationSlope());
            overall.put("calibration_in_the_large", measures.calibrationInTheLarge());
            for (int r = 0; r < repeats; r++) perRepeat[r] = Discrimination.auc(y, oof[r]);
            calibration = Calibration.bins(y, score, 5);
        } else {
            overall.put("c_index", Performance.harrellC(data.time(), data.event(), score, boots, bootSeed));
            for (int r = 0; r < repeats; r++) perRepeat[r] = Performance.harrellC(data.time(), data.event(), oof[r]);
        }
        List<Subgroup> subgroups = subgroups(spec, data, score, bootSeed);
        return new Result(spec, data, learner.name(), folds, oof, score, List.copyOf(summaries), overall, perRepeat, subgroups,
            calibration, finalFit, finalScores, riskCuts, frequency, associations, harmonised);
    }

    static List<Subgroup> subgroups(StudySpec spec, StudyData data, double[] score, long seed) {
        List<Subgroup> out = new ArrayList<>();
        StudySpec.SubgroupSpec sg = spec.subgroups();
        boolean binary = data.outcome() == Outcome.BINARY;
        for (Map.Entry<String, String[]> e : data.subgroups().entrySet()) {
            String[] label = e.getValue();
            java.util.TreeSet<String> levels = new java.util.TreeSet<>(java.util.Comparator.comparingDouble(Study::bandStart)
                .thenComparing(java.util.Comparator.naturalOrder()));
            levels.addAll(Arrays.asList(label));
            for (String level : levels) {
                int[] rows = java.util.stream.IntStream.range(0, label.length).filter(i -> label[i].equals(level)).toArray();
                int positives = 0;
                for (int i : rows) positives += binary ? (int) data.y()[i] : data.event()[i];
                int negatives = rows.length - positives;
                double[] s = Performance.pick(score, rows);
                Performance.Estimate metric;
                List<String> warnings = new ArrayList<>();
                if (rows.length < sg.minCases()) warnings.add("only " + rows.length + " cases (< " + sg.minCases() + ")");
                if (binary && Math.min(positives, negatives) < sg.minPerClass()) {
                    warnings.add("only " + Math.min(positives, negatives) + " cases in the smaller class (< " + sg.minPerClass() + ")");
                }
                if (!binary && positives < sg.minPerClass()) warnings.add("only " + positives + " events (< " + sg.minPerClass() + ")");
                boolean defined = binary ? positives > 0 && negatives > 0 : positives > 0 && rows.length > 1;
                if (!defined) {
                    metric = Performance.Estimate.undefined();
                    warnings.add(binary ? "one class only: AUC undefined" : "no events: C undefined");
                } else if (binary) {
                    metric = Performance.auc(Performance.pick(data.y(), rows), s, spec.validation().bootstrap(), seed);
                } else {
                    metric = Performance.harrellC(Performance.pick(data.time(), rows), Performance.pick(data.event(), rows), s,
                        spec.validation().bootstrap(), seed);
                }
                out.add(new Subgroup(e.getKey(), level, rows.length, positives, metric,
                    warnings.isEmpty() ? null : "too small for a reliable estimate: " + String.join("; ", warnings)));
            }
        }
        return out;
    }

    /** Names of the risk groups, lowest risk first. */
    public static List<String> riskGroupNames(int groups) {
        if (groups == 2) return List.of("low", "high");
        if (groups == 3) return List.of("low", "intermediate", "high");
        List<String> out = new ArrayList<>();
        for (int g = 1; g <= groups; g++) out.add("Q" + g);
        return out;
    }

    /** The cases in (or, with {@code in} false, outside) fold {@code f} (1..k, as {@link Folds} numbers them), in case order. */
    static int[] members(int[] fold, int f, boolean in) {
        return java.util.stream.IntStream.range(0, fold.length).filter(i -> (fold[i] == f) == in).toArray();
    }

    /** A seed for fold {@code f} of repeat {@code r}, derived from the study seed (SplitMix64 mixing). */
    static long derive(long seed, int r, int f) {
        long z = seed + 0x9E3779B97F4A7C15L * (1 + 1000L * r + f);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Orders age bands "<a", "[a,b)", ">=b" by where they start; other labels compare equal here (then by name). */
    static double bandStart(String label) {
        try {
            if (label.startsWith("<")) return Double.NEGATIVE_INFINITY;
            if (label.startsWith("[")) return Double.parseDouble(label.substring(1, label.indexOf(',')));
            if (label.startsWith(">=")) return Double.parseDouble(label.substring(2));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return 0;
        }
        return 0;
    }

}
