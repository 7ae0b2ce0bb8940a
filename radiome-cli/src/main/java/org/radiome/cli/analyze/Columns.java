package org.radiome.cli.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.radiome.analysis.AnalysisException;
import org.radiome.analysis.survival.SurvivalData;
import org.radiome.analysis.table.Table;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Column helpers shared by the analyze subcommands: survival outcomes, groups, covariate matrices. */
final class Columns {
    private Columns() { }

    static SurvivalData survival(Table t, String time, String event, int[] rows) {
        return SurvivalData.of(AnalysisCommand.numeric(t, time, rows), AnalysisCommand.numeric(t, event, rows), event);
    }

    /** The levels of a grouping column among the rows (numbers sort as numbers) and each row's level index. */
    record Groups(List<String> levels, int[] index) { }

    static Groups groups(Table t, String column, int[] rows) {
        String[] text = t.text(column);
        TreeMap<String, Integer> levels = new TreeMap<>(AssociateCommand::compareLevels);
        for (int r : rows) levels.put(text[r], 0);
        List<String> names = new ArrayList<>(levels.keySet());
        for (int i = 0; i < names.size(); i++) levels.put(names.get(i), i);
        int[] index = new int[rows.length];
        for (int i = 0; i < rows.length; i++) index[i] = levels.get(text[rows[i]]);
        return new Groups(names, index);
    }

    /**
     * The covariates as columns over the rows; those named in {@code standardize} are z-scored with the
     * n - 1 standard deviation, as R's {@code scale}, and renamed {@code z_<name>}.
     */
    record Design(double[][] x, String[] names) { }

    static Design design(Table t, List<String> covariates, List<String> standardize, int[] rows) {
        double[][] x = new double[covariates.size()][];
        String[] names = new String[covariates.size()];
        for (String s : standardize) {
            if (!covariates.contains(s)) throw new AnalysisException("--standardize names " + s + ", which is not a covariate");
        }
        for (int j = 0; j < x.length; j++) {
            String c = covariates.get(j);
            x[j] = AnalysisCommand.numeric(t, c, rows);
            names[j] = c;
            if (standardize.contains(c)) {
                x[j] = zScore(x[j], c);
                names[j] = "z_" + c;
            }
        }
        return new Design(x, names);
    }

    static double[] zScore(double[] v, String name) {
        int n = v.length;
        if (n < 2) throw new AnalysisException("cannot standardise " + name + " over fewer than 2 cases");
        double mean = 0;
        for (double d : v) mean += d;
        mean /= n;
        double ss = 0;
        for (double d : v) ss += (d - mean) * (d - mean);
        double sd = Math.sqrt(ss / (n - 1));
        if (sd == 0) throw new AnalysisException("covariate " + name + " is constant; it cannot be standardised");
        double[] z = new double[n];
        for (int i = 0; i < n; i++) z[i] = (v[i] - mean) / sd;
        return z;
    }

    /** Which covariates {@code --standardize} names: all when given without a list. */
    static List<String> standardized(String option, List<String> covariates) {
        if (option == null) return List.of();
        if (option.equals("all")) return covariates;
        return List.of(option.split(","));
    }

    static void putArray(ObjectNode o, String name, double[] values) {
        ArrayNode a = o.putArray(name);
        for (double v : values) {
            if (Double.isNaN(v)) a.addNull();
            else a.add(v);
        }
    }

    static void putArray(ObjectNode o, String name, int[] values) {
        ArrayNode a = o.putArray(name);
        for (int v : values) a.add(v);
    }

    /** A number, or null where it is undefined (documented per field). */
    static void putOrNull(ObjectNode o, String name, double v) {
        if (Double.isNaN(v)) o.putNull(name);
        else o.put(name, v);
    }
}
