package org.radiome.features.texture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The builder's bulk and single counting paths give the matrix that counting the pairs by definition gives. */
class LevelCountMatrixBuilderTest {
    @Property(tries = 200)
    void bulk_and_single_observations_count_every_pair(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int levelCount,
                                                       @ForAll @IntRange(min = 1, max = 30) int denseColumns) {
        Random random = new Random(seed);
        LevelCountMatrix.Builder builder = new LevelCountMatrix.Builder(levelCount, denseColumns);
        for (int round = 0; round < 3; round++) { // the builder is reused after clear()
            builder.clear();
            Map<Long, Integer> expected = new HashMap<>();
            int maxColumn = 0;
            for (int batch = random.nextInt(4); batch >= 0; batch--) {
                int n = random.nextInt(300);
                int[] levels = new int[n + random.nextInt(3)], columns = new int[levels.length];
                for (int k = 0; k < levels.length; k++) {
                    levels[k] = random.nextInt(levelCount + 2) - 1; // 0 and -1: outside the ROI, skipped
                    columns[k] = 1 + random.nextInt(random.nextBoolean() ? denseColumns : 3 * denseColumns + 5);
                    if (k < n && levels[k] >= 1) {
                        expected.merge(((long) levels[k] << 32) | columns[k], 1, Integer::sum);
                        maxColumn = Math.max(maxColumn, columns[k]);
                    }
                }
                builder.addAll(levels, columns, n);
                int level = 1 + random.nextInt(levelCount), column = 1 + random.nextInt(2 * denseColumns + 2);
                builder.add(level, column);
                expected.merge(((long) level << 32) | column, 1, Integer::sum);
                maxColumn = Math.max(maxColumn, column);
            }
            LevelCountMatrix matrix = builder.build();
            long total = 0;
            for (Map.Entry<Long, Integer> e : expected.entrySet()) {
                assertThat(matrix.count((int) (e.getKey() >>> 32), (int) (long) e.getKey())).isEqualTo(e.getValue().doubleValue());
                total += e.getValue();
            }
            assertThat(matrix.total()).isEqualTo((double) total);
            assertThat(matrix.maxColumn()).isEqualTo(maxColumn);
            int absentLevel = 1 + random.nextInt(levelCount), absentColumn = 1 + random.nextInt(4 * denseColumns + 5);
            assertThat(matrix.count(absentLevel, absentColumn))
                    .isEqualTo((double) expected.getOrDefault(((long) absentLevel << 32) | absentColumn, 0));
        }
    }
}
