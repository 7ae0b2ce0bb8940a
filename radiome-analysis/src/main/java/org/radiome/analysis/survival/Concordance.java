package org.radiome.analysis.survival;

import org.radiome.analysis.AnalysisException;

/**
 * Harrell's concordance as {@code survival::concordance(Surv(time, event) ~ predictor, reverse = TRUE)}:
 * a larger predictor means a shorter survival. A pair is comparable when the shorter time is an event (a
 * death and a censoring at the same time count the death as first); pairs with both deaths at one time
 * are tied on time (tied_y) and not comparable. C = (concordant + tied_x / 2) / (concordant + discordant
 * + tied_x). Thread-safe; O(n^2) pairs.
 */
public record Concordance(double concordance, long concordant, long discordant, long tiedX, long tiedY, long tiedXY) {

    public static Concordance of(SurvivalData data, double[] predictor) {
        int n = data.size();
        double[] t = data.time();
        boolean[] e = data.event();
        long conc = 0, disc = 0, tx = 0, ty = 0, txy = 0;
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
                if (predictor[i] > predictor[j]) conc++;
                else if (predictor[i] < predictor[j]) disc++;
                else tx++;
            }
        }
        long comparable = conc + disc + tx;
        if (comparable == 0) throw new AnalysisException("no comparable pairs: concordance is undefined (are there events?)");
        return new Concordance((conc + tx / 2.0) / comparable, conc, disc, tx, ty, txy);
    }
}
