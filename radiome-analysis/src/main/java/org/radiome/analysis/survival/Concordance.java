package org.radiome.analysis.survival;

import org.radiome.analysis.AnalysisException;

/**
 * Harrell's concordance as {@code survival::concordance(Surv(time, event) ~ predictor, reverse = TRUE)}:
 * a larger predictor means a shorter survival. A pair is comparable when the shorter time is an event (a
 * death and a censoring at the same time count the death as first); pairs with both deaths at one time
 * are tied on time (tied_y) and not comparable. C = (concordant + tied_x / 2) / (concordant + discordant
 * + tied_x).
 *
 * <p>{@code variance} is survival's infinitesimal-jackknife variance (Therneau, "The concordance
 * statistic", survival package vignette; {@code concordancefit} in survival 3.x): with N = concordant +
 * discordant + tied_x comparable pairs and Somers' d = (concordant - discordant) / N, each case i has
 * influence dfbeta_i = (c_i - d_i) / N - d / N (c_i + d_i + t_i), where c_i, d_i, t_i count the
 * concordant, discordant and tied_x pairs that case i belongs to (either as the earlier death or as the
 * later case); var(C) = sum dfbeta_i^2 / 4 (C = (d + 1) / 2). Unit case weights and the default time
 * weight ({@code timewt = "n"}). {@code coxph} reports the square root as the concordance's se.
 * Hand-written: no Java library computes this concordance or its variance. Thread-safe; O(n^2) pairs.
 */
public record Concordance(double concordance, long concordant, long discordant, long tiedX, long tiedY, long tiedXY,
                          double variance) {

    /** The standard error of the concordance, sqrt(variance): R's {@code std}, coxph's {@code concordance} se. */
    public double std() { return Math.sqrt(variance); }

    public static Concordance of(SurvivalData data, double[] predictor) {
        int n = data.size();
        double[] t = data.time();
        boolean[] e = data.event();
        long conc = 0, disc = 0, tx = 0, ty = 0, txy = 0;
        // per case: comparable pairs it is in, by kind (for the influence)
        long[] caseConc = new long[n], caseDisc = new long[n], caseTied = new long[n];
        for (int i = 0; i < n; i++) {
            if (!e[i]) continue;
            for (int j = 0; j < n; j++) {
                if (j == i) continue;
                boolean later = t[j] > t[i] || (t[j] == t[i] && !e[j]);
                if (t[j] == t[i] && e[j]) {
                    if (j < i) continue; // count each death-death pair once
                    if (predictor[i] == predictor[j]) txy++;
                    else ty++;
                    continue;
                }
                if (!later) continue;
                if (predictor[i] > predictor[j]) { conc++; caseConc[i]++; caseConc[j]++; }
                else if (predictor[i] < predictor[j]) { disc++; caseDisc[i]++; caseDisc[j]++; }
                else { tx++; caseTied[i]++; caseTied[j]++; }
            }
        }
        long comparable = conc + disc + tx;
        if (comparable == 0) throw new AnalysisException("no comparable pairs: concordance is undefined (are there events?)");
        double pairs = comparable;
        double somers = (conc - disc) / pairs;
        double sumSquares = 0;
        for (int i = 0; i < n; i++) {
            double dfbeta = (caseConc[i] - caseDisc[i]) / pairs - somers / pairs * (caseConc[i] + caseDisc[i] + caseTied[i]);
            sumSquares += dfbeta * dfbeta;
        }
        return new Concordance((conc + tx / 2.0) / comparable, conc, disc, tx, ty, txy, sumSquares / 4);
    }
}
