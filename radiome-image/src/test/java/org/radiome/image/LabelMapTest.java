package org.radiome.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.TreeSet;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link LabelMap#bounds} and {@link LabelMap#presentLabels} against a plain voxel-by-voxel scan, and
 * {@link LabelMap#boundsByLabel} against {@link LabelMap#bounds} per label.
 */
class LabelMapTest {
    @Property(tries = 200)
    void bounds_and_present_labels_equal_a_voxel_scan(@ForAll @IntRange(min = 1, max = 9) int nx, @ForAll @IntRange(min = 1, max = 9) int ny,
                                                      @ForAll @IntRange(min = 1, max = 6) int nz, @ForAll long seed,
                                                      @ForAll @IntRange(min = 0, max = 60) int fillPercent) {
        Random random = new Random(seed);
        int[] labels = new int[nx * ny * nz];
        for (int i = 0; i < labels.length; i++) labels[i] = random.nextInt(100) < fillPercent ? 1 + random.nextInt(3) : 0;
        LabelMap map = new LabelMap(Grid.of(nx, ny, nz, 1, 1, 1), labels);
        TreeSet<Integer> present = new TreeSet<>();
        for (int l : labels) if (l != 0) present.add(l);
        assertThat(map.presentLabels()).containsExactlyElementsOf(present);
        for (int label = 1; label <= 3; label++) {
            int[] expected = {nx, -1, ny, -1, nz, -1, 0};
            for (int z = 0, i = 0; z < nz; z++) {
                for (int y = 0; y < ny; y++) {
                    for (int x = 0; x < nx; x++, i++) {
                        if (labels[i] != label) continue;
                        expected[0] = Math.min(expected[0], x);
                        expected[1] = Math.max(expected[1], x);
                        expected[2] = Math.min(expected[2], y);
                        expected[3] = Math.max(expected[3], y);
                        expected[4] = Math.min(expected[4], z);
                        expected[5] = Math.max(expected[5], z);
                        expected[6]++;
                    }
                }
            }
            if (expected[6] == 0) assertThat(map.bounds(label)).isNull();
            else assertThat(map.bounds(label)).containsExactly(expected);
        }
    }

    @Property(tries = 300)
    void bounds_by_label_equal_bounds_per_label(@ForAll @IntRange(min = 1, max = 12) int nx, @ForAll @IntRange(min = 1, max = 9) int ny,
                                                @ForAll @IntRange(min = 1, max = 6) int nz, @ForAll long seed,
                                                @ForAll @IntRange(min = 0, max = 100) int fillPercent,
                                                @ForAll @IntRange(min = 1, max = 40) int labelCount,
                                                @ForAll @IntRange(min = 1, max = 8) int runLength) {
        Random random = new Random(seed);
        // labels drawn from a set with negative and large values, in runs along x as segmentations have them
        int[] palette = new int[labelCount];
        for (int k = 0; k < labelCount; k++) palette[k] = random.nextBoolean() ? k + 1 : random.nextInt() | 1;
        int[] labels = new int[nx * ny * nz];
        for (int i = 0; i < labels.length; ) {
            int label = random.nextInt(100) < fillPercent ? palette[random.nextInt(labelCount)] : 0;
            for (int r = 1 + random.nextInt(runLength); r > 0 && i < labels.length; r--) labels[i++] = label;
        }
        LabelMap map = new LabelMap(Grid.of(nx, ny, nz, 1, 1, 1), labels);
        LabelBounds all = map.boundsByLabel();
        LabelMap indexed = map.withBoundsByLabel();
        assertThat(java.util.Arrays.stream(all.labels()).boxed().toList()).containsExactlyElementsOf(map.presentLabels());
        assertThat(all.size()).isEqualTo(map.presentLabels().size());
        assertThat(indexed.presentLabels()).isEqualTo(map.presentLabels());
        TreeSet<Integer> asked = new TreeSet<>(map.presentLabels());
        for (int p : palette) asked.add(p);
        asked.add(0);
        asked.add(labelCount + 1);
        for (int label : asked) {
            int[] expected = map.bounds(label);
            if (label != 0) assertThat(all.bounds(label)).isEqualTo(expected);
            assertThat(indexed.bounds(label)).isEqualTo(expected);
        }
    }
}
