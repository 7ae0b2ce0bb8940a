package org.radiome.analysis.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.radiome.analysis.AnalysisException;
import org.radiome.analysis.reproducibility.Icc;
import org.radiome.analysis.table.CsvTables;
import org.radiome.analysis.table.Table;

/**
 * The reproducibility filter: each candidate feature's ICC on a test-retest table (one row per case and
 * repeat), {@link Icc} as psych::ICC; features below the threshold are dropped before any modelling. The
 * test-retest table carries no outcome, so filtering on it before the cross-validation leaks nothing.
 */
public final class Reproducibility {
    private Reproducibility() { }

    /**
     * The ICC of every candidate (NaN where it is undefined), the features that passed, in candidate order, and the
     * SHA-256 of the test-retest table as read.
     */
    public record Result(String icc, double minIcc, Map<String, Double> values, List<String> kept, int subjects, String sha256) { }

    public static Result filter(StudySpec.ReproducibilitySpec spec, List<String> candidates) {
        CsvTables.Read read = CsvTables.readWithChecksum(spec.table(), spec.prefix(), true);
        Table t = read.table();
        String repeatCol = spec.repeatColumn();
        if (!t.hasColumn(repeatCol)) {
            throw new StudyException(spec.table() + ": no column '" + repeatCol + "' (key 'reproducibility.repeat_column')");
        }
        String[] repeat = t.text(repeatCol);
        TreeSet<String> repeats = new TreeSet<>(List.of(repeat));
        List<String> reps = new ArrayList<>(repeats);
        Map<String, Integer> subjectIndex = new LinkedHashMap<>();
        for (String id : t.caseIds()) subjectIndex.putIfAbsent(id, subjectIndex.size());
        int n = subjectIndex.size(), k = reps.size();
        Map<String, Double> values = new LinkedHashMap<>();
        List<String> kept = new ArrayList<>();
        for (String f : candidates) {
            if (!t.hasColumn(f)) {
                throw new StudyException(spec.table() + ": feature " + f + " is not in the test-retest table (key 'reproducibility.table')");
            }
            double[] v = t.numeric(f);
            double[][] m = new double[n][k];
            for (double[] row : m) java.util.Arrays.fill(row, Double.NaN);
            for (int r = 0; r < v.length; r++) m[subjectIndex.get(t.caseIds().get(r))][reps.indexOf(repeat[r])] = v[r];
            List<double[]> complete = new ArrayList<>();
            for (double[] row : m) {
                boolean ok = true;
                for (double d : row) ok &= !Double.isNaN(d);
                if (ok) complete.add(row);
            }
            double icc;
            try {
                Icc result = Icc.of(complete.toArray(double[][]::new), f);
                icc = switch (spec.icc()) {
                    case "ICC1" -> result.icc1().icc();
                    case "ICC2" -> result.icc2().icc();
                    default -> result.icc3().icc();
                };
            } catch (AnalysisException e) {
                icc = Double.NaN; // a constant or exactly repeated feature has no ICC; it does not pass
            }
            values.put(f, icc);
            if (icc >= spec.minIcc()) kept.add(f);
        }
        return new Result(spec.icc(), spec.minIcc(), values, List.copyOf(kept), n, read.sha256());
    }
}
