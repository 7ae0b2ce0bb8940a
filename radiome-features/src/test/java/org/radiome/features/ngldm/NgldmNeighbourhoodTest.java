package org.radiome.features.ngldm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.radiome.features.discretisation.GreyLevels;
import org.radiome.features.texture.LevelCountMatrix;
import org.radiome.features.texture.TextureDimension;

/** The pairwise dependence counting against the textbook loop over each voxel's Chebyshev box. */
class NgldmNeighbourhoodTest {
    @Test
    void pairwise_counts_agree_with_the_neighbourhood_loop_on_random_volumes() {
        Random random = new Random(9);
        for (int trial = 0; trial < 60; trial++) {
            int nx = 1 + random.nextInt(8), ny = 1 + random.nextInt(8), nz = 1 + random.nextInt(6), ng = 1 + random.nextInt(5);
            int[] lv = new int[nx * ny * nz];
            for (int i = 0; i < lv.length; i++) lv[i] = random.nextInt(ng + 1);
            GreyLevels g = new GreyLevels(nx, ny, nz, lv, ng);
            int delta = 1 + random.nextInt(2), alpha = random.nextInt(4);
            for (TextureDimension dimension : new TextureDimension[] {TextureDimension.THREE_D, TextureDimension.TWO_AND_A_HALF_D}) {
                boolean threeD = dimension == TextureDimension.THREE_D;
                int maxJ = threeD ? (2 * delta + 1) * (2 * delta + 1) * (2 * delta + 1) : (2 * delta + 1) * (2 * delta + 1);
                double[] expected = new double[(ng + 1) * (maxJ + 1)];
                reference(lv, nx, ny, nz, delta, alpha, threeD, expected, maxJ);
                LevelCountMatrix actual = Ngldm.matrix(g, dimension, delta, alpha);
                for (int level = 1; level <= ng; level++) {
                    for (int j = 1; j <= maxJ; j++) {
                        assertThat(actual.count(level, j)).as("trial %d %s level %d j %d", trial, dimension, level, j)
                                .isEqualTo(expected[level * (maxJ + 1) + j]);
                    }
                }
            }
        }
    }

    private static void reference(int[] lv, int nx, int ny, int nz, int delta, int alpha, boolean threeD, double[] m, int maxJ) {
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    int level = lv[x + nx * (y + ny * z)];
                    if (level == 0) continue;
                    int j = 0;
                    for (int zz = threeD ? z - delta : z; zz <= (threeD ? z + delta : z); zz++) {
                        for (int yy = y - delta; yy <= y + delta; yy++) {
                            for (int xx = x - delta; xx <= x + delta; xx++) {
                                if (xx < 0 || yy < 0 || zz < 0 || xx >= nx || yy >= ny || zz >= nz) continue;
                                int v = lv[xx + nx * (yy + ny * zz)];
                                if (v != 0 && Math.abs(v - level) <= alpha) j++;
                            }
                        }
                    }
                    m[level * (maxJ + 1) + j] += 1;
                }
            }
        }
    }
}
