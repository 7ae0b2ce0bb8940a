package org.radiome.features.ngtdm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.radiome.features.discretisation.GreyLevels;
import org.radiome.features.texture.TextureDimension;

/** The separable neighbourhood sums against the textbook loop over each voxel's Chebyshev box. */
class NgtdmNeighbourhoodTest {
    @Test
    void separable_sums_agree_with_the_neighbourhood_loop_on_random_volumes() {
        Random random = new Random(5);
        for (int trial = 0; trial < 60; trial++) {
            int nx = 1 + random.nextInt(8), ny = 1 + random.nextInt(8), nz = 1 + random.nextInt(6), ng = 1 + random.nextInt(5);
            int[] lv = new int[nx * ny * nz];
            for (int i = 0; i < lv.length; i++) lv[i] = random.nextInt(ng + 1);
            GreyLevels g = new GreyLevels(nx, ny, nz, lv, ng);
            int delta = 1 + random.nextInt(2);
            for (Ngtdm.Deviations deviations : new Ngtdm.Deviations[] {Ngtdm.Deviations.NONE, Ngtdm.Deviations.PYRADIOMICS}) {
                for (TextureDimension dimension : new TextureDimension[] {TextureDimension.THREE_D, TextureDimension.TWO_AND_A_HALF_D}) {
                    double[][] actual = Ngtdm.matrix(g, dimension, delta, deviations);
                    double[] n = new double[ng + 1], s = new double[ng + 1];
                    boolean threeD = dimension == TextureDimension.THREE_D;
                    reference(lv, nx, ny, nz, delta, threeD, deviations.keepVoxelsWithoutNeighbours(), n, s);
                    assertThat(actual[0]).as("n, trial %d %s", trial, dimension).containsExactly(n);
                    assertThat(actual[1]).as("s, trial %d %s", trial, dimension).containsExactly(s);
                }
            }
        }
    }

    private static void reference(int[] lv, int nx, int ny, int nz, int delta, boolean threeD, boolean keep, double[] n, double[] s) {
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    int level = lv[x + nx * (y + ny * z)];
                    if (level == 0) continue;
                    long sum = 0;
                    int count = 0;
                    for (int zz = threeD ? z - delta : z; zz <= (threeD ? z + delta : z); zz++) {
                        for (int yy = y - delta; yy <= y + delta; yy++) {
                            for (int xx = x - delta; xx <= x + delta; xx++) {
                                if (xx < 0 || yy < 0 || zz < 0 || xx >= nx || yy >= ny || zz >= nz) continue;
                                if (xx == x && yy == y && zz == z) continue;
                                int v = lv[xx + nx * (yy + ny * zz)];
                                if (v != 0) {
                                    sum += v;
                                    count++;
                                }
                            }
                        }
                    }
                    if (count == 0) {
                        if (keep) n[level] += 1;
                        continue;
                    }
                    n[level] += 1;
                    s[level] += Math.abs(level - (double) sum / count);
                }
            }
        }
    }
}
