package org.radiome.features.texture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.radiome.features.discretisation.GreyLevels;

class ZoneLabellerTest {
    /** The 2D example of the IBSI manual's GLSZM section (rows are y, columns x). */
    private static final int[] MANUAL_EXAMPLE = {
        1, 2, 2, 3,
        1, 2, 3, 3,
        4, 2, 4, 1,
        4, 1, 2, 3};

    @Test
    void finds_the_zones_of_the_manual_example() {
        GreyLevels levels = new GreyLevels(4, 4, 1, MANUAL_EXAMPLE, 4);
        LevelCountMatrix.Builder builder = new LevelCountMatrix.Builder(4);
        new ZoneLabeller(levels).addZones(0, 1, false, null, builder);
        LevelCountMatrix m = builder.build();
        // Manual's GLSZM: level 1 sizes {1, 1, 2}; level 2 {5}; level 3 {1, 3}; level 4 {1, 2}: 8 zones, 16 voxels.
        assertThat(m.total()).isEqualTo(8);
        assertThat(m.voxelCount()).isEqualTo(16);
        double[] f = m.features();
        // s_.1 = 4, s_.2 = 2, s_.3 = 1, s_.5 = 1: SZE = (4 + 2/4 + 1/9 + 1/25) / 8
        assertThat(f[LevelCountFeature.SMALL_J_EMPHASIS.ordinal()]).isCloseTo((4 + 0.5 + 1.0 / 9 + 1.0 / 25) / 8, within(1e-12));
        // s_1. = 3, s_2. = 1, s_3. = 2, s_4. = 2: GLNU = (9 + 1 + 4 + 4) / 8
        assertThat(f[LevelCountFeature.GREY_LEVEL_NON_UNIFORMITY.ordinal()]).isCloseTo(18.0 / 8, within(1e-12));
        assertThat(f[LevelCountFeature.PERCENTAGE.ordinal()]).isCloseTo(8.0 / 16, within(1e-12));
    }

    @Test
    void links_diagonal_voxels_across_slices_only_in_3d() {
        // 2 x 2 x 2 box; level 1 at (0,0,0) and (1,1,1), corner neighbours in 3D, different slices in 2D.
        int[] grid = new int[8];
        grid[0] = 1;
        grid[7] = 1;
        GreyLevels levels = new GreyLevels(2, 2, 2, grid, 1);
        ZoneLabeller labeller = new ZoneLabeller(levels);

        LevelCountMatrix.Builder threeD = new LevelCountMatrix.Builder(1);
        labeller.addZones(0, 2, true, null, threeD);
        assertThat(threeD.build().total()).isEqualTo(1); // one zone of size 2
        assertThat(threeD.build().features()[LevelCountFeature.LARGE_J_EMPHASIS.ordinal()]).isEqualTo(4);

        LevelCountMatrix.Builder slices = new LevelCountMatrix.Builder(1);
        labeller.addZones(0, 1, false, null, slices);
        labeller.addZones(1, 2, false, null, slices);
        assertThat(slices.build().total()).isEqualTo(2); // two zones of size 1
        assertThat(slices.voxels()).isEqualTo(2);
    }

    @Test
    void links_in_plane_diagonals_in_2d() {
        // 2 x 2 x 1: level 1 on one diagonal, level 2 on the other: 8-connectivity gives 2 zones of size 2.
        GreyLevels levels = new GreyLevels(2, 2, 1, new int[] {1, 2, 2, 1}, 2);
        LevelCountMatrix.Builder builder = new LevelCountMatrix.Builder(2);
        new ZoneLabeller(levels).addZones(0, 1, false, null, builder);
        assertThat(builder.build().total()).isEqualTo(2);
    }

    @Test
    void zone_value_is_the_minimum_of_the_voxel_values() {
        GreyLevels levels = new GreyLevels(3, 1, 1, new int[] {1, 1, 1}, 1);
        LevelCountMatrix.Builder builder = new LevelCountMatrix.Builder(1);
        new ZoneLabeller(levels).addZones(0, 1, false, new int[] {3, 2, 5}, builder);
        // one zone with value 2: large-j emphasis = 2² = 4
        assertThat(builder.build().features()[LevelCountFeature.LARGE_J_EMPHASIS.ordinal()]).isEqualTo(4);
    }

    /**
     * Zones of random boxes, in 3D and slice by slice, equal those of the definition: voxels of equal level linked at
     * Chebyshev distance 1 (within the slice in 2D), found by a breadth-first search over the unpadded box.
     */
    @Property(tries = 150)
    void zones_equal_a_plain_search_of_linked_voxels(@ForAll long seed, @ForAll @IntRange(min = 1, max = 9) int nx,
                                                     @ForAll @IntRange(min = 1, max = 9) int ny, @ForAll @IntRange(min = 1, max = 5) int nz,
                                                     @ForAll @IntRange(min = 1, max = 4) int levelCount, @ForAll boolean distances) {
        Random random = new Random(seed);
        int[] grid = new int[nx * ny * nz], values = new int[grid.length];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(levelCount);
            values[i] = 1 + random.nextInt(5);
        }
        ZoneLabeller labeller = new ZoneLabeller(new GreyLevels(nx, ny, nz, grid, levelCount));
        int[] voxelValues = distances ? values : null;
        for (boolean threeD : new boolean[] {true, false}) {
            LevelCountMatrix.Builder builder = new LevelCountMatrix.Builder(levelCount);
            if (threeD) labeller.addZones(0, nz, true, voxelValues, builder);
            else for (int z = 0; z < nz; z++) labeller.addZones(z, z + 1, false, voxelValues, builder);
            LevelCountMatrix matrix = builder.build();
            Map<Long, Integer> expected = plainZones(grid, nx, ny, nz, threeD, voxelValues);
            double total = 0;
            for (Map.Entry<Long, Integer> e : expected.entrySet()) {
                assertThat(matrix.count((int) (e.getKey() >>> 32), (int) (long) e.getKey())).as("3D " + threeD).isEqualTo(e.getValue().doubleValue());
                total += e.getValue();
            }
            assertThat(matrix.total()).isEqualTo(total);
        }
    }

    /** (level, size or minimum value) → number of zones, by breadth-first search. */
    private static Map<Long, Integer> plainZones(int[] grid, int nx, int ny, int nz, boolean threeD, int[] values) {
        boolean[] seen = new boolean[grid.length];
        Map<Long, Integer> zones = new HashMap<>();
        for (int start = 0; start < grid.length; start++) {
            if (grid[start] == 0 || seen[start]) continue;
            int level = grid[start], size = 0, min = Integer.MAX_VALUE;
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(start);
            seen[start] = true;
            while (!queue.isEmpty()) {
                int v = queue.poll();
                size++;
                if (values != null) min = Math.min(min, values[v]);
                int x = v % nx, y = (v / nx) % ny, z = v / (nx * ny);
                for (int dz = threeD ? -1 : 0; dz <= (threeD ? 1 : 0); dz++) {
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int ux = x + dx, uy = y + dy, uz = z + dz;
                            if (ux < 0 || uy < 0 || uz < 0 || ux >= nx || uy >= ny || uz >= nz) continue;
                            int u = ux + nx * (uy + ny * uz);
                            if (!seen[u] && grid[u] == level) {
                                seen[u] = true;
                                queue.add(u);
                            }
                        }
                    }
                }
            }
            zones.merge(((long) level << 32) | (values == null ? size : min), 1, Integer::sum);
        }
        return zones;
    }
}
