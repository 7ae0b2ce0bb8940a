package org.radiome.analysis.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Stratified k-fold assignment with a fixed seed: the cases of each stratum (outcome class, or event versus
 * censored) are shuffled with {@link Random} (its algorithm is fixed by the Java specification, so the same
 * seed gives the same folds on every JVM) and dealt round-robin, continuing the deal across strata, so every
 * fold gets each stratum in proportion (sizes differ by at most one).
 */
public final class Folds {
    private Folds() { }

    /** The fold (0..k-1) of each case. */
    public static int[] stratified(int[] stratum, int k, long seed) {
        int n = stratum.length;
        if (k < 2 || k > n) throw new StudyException("cannot split " + n + " cases into " + k + " folds");
        Random random = new Random(seed);
        int strata = 0;
        for (int s : stratum) strata = Math.max(strata, s + 1);
        int[] fold = new int[n];
        int next = 0;
        for (int s = 0; s < strata; s++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < n; i++) if (stratum[i] == s) members.add(i);
            java.util.Collections.shuffle(members, random);
            for (int i : members) fold[i] = next++ % k;
        }
        return fold;
    }

    /** The cases in (or, with {@code in} false, outside) fold {@code f}, in case order. */
    public static int[] members(int[] fold, int f, boolean in) {
        return java.util.stream.IntStream.range(0, fold.length).filter(i -> (fold[i] == f) == in).toArray();
    }

    /** A seed for fold {@code f} of repeat {@code r}, derived from the study seed (SplitMix64 mixing). */
    public static long derive(long seed, int r, int f) {
        long z = seed + 0x9E3779B97F4A7C15L * (1 + 1000L * r + f);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
