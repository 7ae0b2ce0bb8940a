package org.radiome.analysis.model;

import java.util.SplittableRandom;

/**
 * Seeded fold assignment for cross-validation. Cases are shuffled within each stratum (the class of a binary
 * response, or event/censored for survival) and dealt to folds in turn, so every fold gets its share of each
 * stratum. cv.glmnet draws folds without strata ({@code sample(rep(1:K, length = n))}) from R's generator,
 * which cannot be reproduced in Java anyway; stratifying keeps both classes (or some events) in every
 * training fold of a small cohort. Thread-safe (no state).
 */
public final class Folds {
    private Folds() { }

    /**
     * Fold ids 1..k, one per case.
     *
     * @param strata a small non-negative integer per case (for example the 0/1 response)
     */
    public static int[] stratified(int[] strata, int k, long seed) {
        int n = strata.length;
        if (k < 2) throw new IllegalArgumentException("cross-validation needs at least 2 folds, was " + k);
        if (k > n) throw new org.radiome.analysis.AnalysisException(k + " folds need at least " + k + " cases, got " + n);
        int levels = 0;
        for (int s : strata) {
            if (s < 0) throw new IllegalArgumentException("strata must be >= 0, was " + s);
            levels = Math.max(levels, s + 1);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] fold = new int[n];
        int next = 0; // carries on across strata so fold sizes stay balanced overall
        for (int s = 0; s < levels; s++) {
            int count = 0;
            for (int v : strata) if (v == s) count++;
            int[] members = new int[count];
            for (int i = 0, m = 0; i < n; i++) if (strata[i] == s) members[m++] = i;
            for (int i = count - 1; i > 0; i--) { // Fisher-Yates
                int j = random.nextInt(i + 1);
                int t = members[i]; members[i] = members[j]; members[j] = t;
            }
            for (int member : members) {
                fold[member] = next + 1;
                next = (next + 1) % k;
            }
        }
        return fold;
    }

    /** Strata of a binary response (0/1 as given). */
    static int[] strataOf(double[] y) {
        int[] s = new int[y.length];
        for (int i = 0; i < y.length; i++) s[i] = y[i] == 1 ? 1 : 0;
        return s;
    }
}
