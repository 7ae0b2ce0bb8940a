package org.radiome.analysis.survival;

import org.radiome.analysis.AnalysisException;

/**
 * Right-censored survival times: {@code time[i]} with {@code event[i]} true for a death (event) and false
 * for censoring. Validated at construction: equal lengths, finite non-negative times.
 */
public record SurvivalData(double[] time, boolean[] event) {
    public SurvivalData {
        if (time.length != event.length) throw new IllegalArgumentException("time and event differ in length");
        for (double t : time) {
            if (!Double.isFinite(t) || t < 0) throw new AnalysisException("survival time " + t + " is not a finite non-negative number");
        }
    }

    /** Reads a 0/1 event column; any other value is an error naming the column. */
    public static SurvivalData of(double[] time, double[] event, String eventColumn) {
        boolean[] e = new boolean[event.length];
        for (int i = 0; i < event.length; i++) {
            if (event[i] == 1) e[i] = true;
            else if (event[i] != 0) throw new AnalysisException("event column " + eventColumn + " must be 0 (censored) or 1 (event), found " + event[i]);
        }
        return new SurvivalData(time, e);
    }

    public int size() { return time.length; }

    public int events() {
        int n = 0;
        for (boolean b : event) if (b) n++;
        return n;
    }

    /** The subset at the given indices. */
    public SurvivalData subset(int[] rows) {
        double[] t = new double[rows.length];
        boolean[] e = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) { t[i] = time[rows[i]]; e[i] = event[rows[i]]; }
        return new SurvivalData(t, e);
    }
}
