package org.radiome.cli.analyze;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.radiome.analysis.AnalysisException;
import org.radiome.analysis.reproducibility.Icc;
import org.radiome.analysis.table.Table;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code radiome analyze icc}: test-retest reliability of each feature, and reproducibility filtering. */
@Command(name = "icc", mixinStandardHelpOptions = true,
        description = {"Test-retest ICC of each feature, and reproducibility filtering.",
            "As psych::ICC(lmer = FALSE).",
            "The first --data table is in long format: one row per subject and repeat."},
        footer = {"", "Example:",
            "  radiome analyze icc --data test_retest.csv --subject case_id --repeat repeat --features all --min-icc 0.75"})
final class IccCommand extends AnalysisCommand {
    @Option(names = "--subject", defaultValue = Table.CASE_ID, paramLabel = "COL", description = "Subject column (default case_id).")
    String subject;

    @Option(names = "--repeat", required = true, paramLabel = "COL", description = "Repeat (rater) column.")
    String repeat;

    @Option(names = "--features", required = true, split = ",", paramLabel = "COLS|all",
            description = "Feature columns; 'all' means every column of the first --data file but subject and repeat.")
    List<String> features;

    @Option(names = "--min-icc", paramLabel = "X", description = "List the features whose ICC is at least X under passing[].")
    Double minIcc;

    @Option(names = "--icc-type", defaultValue = "ICC2", paramLabel = "ICC1|ICC2|ICC3",
            description = "The ICC --min-icc applies to (default ICC2, absolute agreement).")
    String iccType;

    @Override
    boolean repeatedCases() { return true; }

    @Override
    void analyse(Table table, ObjectNode root) {
        if (!List.of("ICC1", "ICC2", "ICC3").contains(iccType)) throw new AnalysisException("--icc-type must be ICC1, ICC2 or ICC3, was " + iccType);
        String[] subjects = subject.equals(Table.CASE_ID) ? table.caseIds().toArray(String[]::new) : text(table, subject);
        table.require(repeat);
        String[] repeats = table.text(repeat);
        List<String> feats = new ArrayList<>(columns(table, features));
        feats.remove(repeat);
        feats.remove(subject);
        // subjects in order of first appearance, raters sorted
        Map<String, Integer> subjectIndex = new LinkedHashMap<>();
        java.util.TreeSet<String> raterSet = new java.util.TreeSet<>(AssociateCommand::compareLevels);
        for (int r = 0; r < table.rowCount(); r++) {
            if (subjects[r].isEmpty() || repeats[r].isEmpty()) continue;
            subjectIndex.putIfAbsent(subjects[r], subjectIndex.size());
            raterSet.add(repeats[r]);
        }
        List<String> raters = new ArrayList<>(raterSet);
        Map<String, Integer> raterIndex = new HashMap<>();
        for (int j = 0; j < raters.size(); j++) raterIndex.put(raters.get(j), j);
        int n = subjectIndex.size(), k = raters.size();
        int[][] row = new int[n][k];
        for (int[] r : row) java.util.Arrays.fill(r, -1);
        for (int r = 0; r < table.rowCount(); r++) {
            if (subjects[r].isEmpty() || repeats[r].isEmpty()) continue;
            int i = subjectIndex.get(subjects[r]), j = raterIndex.get(repeats[r]);
            if (row[i][j] >= 0) throw new AnalysisException("a subject has two rows for " + repeat + " = " + repeats[r] + " (" + table.sourceOf(repeat) + ")");
            row[i][j] = r;
        }
        root.put("subjects", n);
        root.putArray("repeats").addAll(raters.stream().map(com.fasterxml.jackson.databind.node.TextNode::valueOf).toList());
        ArrayNode results = root.putArray("results");
        List<String> passing = new ArrayList<>(), failing = new ArrayList<>();
        for (String f : feats) {
            double[] values = table.numeric(f);
            List<double[]> complete = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double[] m = new double[k];
                boolean ok = true;
                for (int j = 0; j < k && ok; j++) {
                    ok = row[i][j] >= 0 && !Double.isNaN(values[row[i][j]]);
                    if (ok) m[j] = values[row[i][j]];
                }
                if (ok) complete.add(m);
            }
            double[][] x = complete.toArray(double[][]::new);
            if (isConstant(x)) {
                warn("feature " + f + " is constant; skipped");
                continue;
            }
            Icc icc = Icc.of(x, f);
            ObjectNode o = results.addObject();
            o.put("feature", f);
            o.put("n", icc.subjects());
            o.put("n_incomplete", n - icc.subjects());
            o.put("MSB", icc.msb());
            o.put("MSJ", icc.msj());
            o.put("MSE", icc.mse());
            o.put("MSW", icc.msw());
            put(o, "ICC1", icc.icc1());
            put(o, "ICC2", icc.icc2());
            put(o, "ICC3", icc.icc3());
            put(o, "ICC1k", icc.icc1k());
            put(o, "ICC2k", icc.icc2k());
            put(o, "ICC3k", icc.icc3k());
            if (minIcc != null) {
                double v = switch (iccType) { case "ICC1" -> icc.icc1().icc(); case "ICC3" -> icc.icc3().icc(); default -> icc.icc2().icc(); };
                (v >= minIcc ? passing : failing).add(f);
            }
        }
        if (minIcc != null) {
            root.put("min_icc", minIcc);
            root.put("icc_type", iccType);
            root.putArray("passing").addAll(passing.stream().map(com.fasterxml.jackson.databind.node.TextNode::valueOf).toList());
            root.putArray("failing").addAll(failing.stream().map(com.fasterxml.jackson.databind.node.TextNode::valueOf).toList());
        }
    }

    private static String[] text(Table t, String column) {
        t.require(column);
        return t.text(column);
    }

    private static boolean isConstant(double[][] x) {
        if (x.length == 0) return false;
        for (double[] r : x) for (double v : r) if (v != x[0][0]) return false;
        return true;
    }

    private static void put(ObjectNode o, String name, Icc.Estimate e) {
        ObjectNode n = o.putObject(name);
        n.put("icc", e.icc());
        n.put("ci95_lower", e.lower());
        n.put("ci95_upper", e.upper());
        n.put("F", e.f());
        n.put("df1", e.df1());
        n.put("df2", e.df2());
        n.put("p", e.p());
    }
}
