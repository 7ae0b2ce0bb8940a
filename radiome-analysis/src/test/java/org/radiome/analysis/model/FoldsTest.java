package org.radiome.analysis.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The outer and inner folds of a study: stratified, balanced, complete and reproducible from the seed. */
class FoldsTest {
    @Property(tries = 200)
    void folds_are_stratified_complete_and_seeded(@ForAll @IntRange(min = 20, max = 300) int n, @ForAll @IntRange(min = 2, max = 10) int k,
                                                  @ForAll long seed) {
        Random random = new Random(seed);
        int[] stratum = new int[n];
        for (int i = 0; i < n; i++) stratum[i] = random.nextInt(3);
        int[] fold = Folds.stratified(stratum, k, seed);
        assertThat(Folds.stratified(stratum, k, seed)).containsExactly(fold);
        int[][] count = new int[3][k];
        int[] size = new int[k];
        for (int i = 0; i < n; i++) {
            assertThat(fold[i]).isBetween(1, k);
            count[stratum[i]][fold[i] - 1]++;
            size[fold[i] - 1]++;
        }
        for (int[] c : count) {
            int min = Integer.MAX_VALUE, max = 0;
            for (int v : c) { min = Math.min(min, v); max = Math.max(max, v); }
            assertThat(max - min).as("each stratum spread evenly over the folds").isLessThanOrEqualTo(1);
        }
        int min = Integer.MAX_VALUE, max = 0;
        for (int v : size) { min = Math.min(min, v); max = Math.max(max, v); }
        assertThat(max - min).isLessThanOrEqualTo(1);
    }
}
