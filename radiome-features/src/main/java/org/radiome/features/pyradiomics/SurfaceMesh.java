package org.radiome.features.pyradiomics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The marching-cubes surface that PyRadiomics's 3D shape class measures ({@code calculate_coefficients} in its C
 * extension): its mesh volume and surface area.
 *
 * <p>The surface of each 2×2×2 cube of the mask padded with background crosses the cube faces along loops of edge
 * midpoints ({@link CubeLoops#loops}, inside corners of ambiguous faces cut off separately) for the configurations
 * without corner 7. Three PyRadiomics conventions define the numbers:
 * <ol>
 *   <li><b>Complement symmetry</b>: a configuration with corner 7 inside uses the triangles of its complement, with
 *       the sign of their volume reversed. On ambiguous faces this separates the <em>outside</em> corners, so
 *       neighbouring cubes can disagree and the surface is not closed everywhere; the sums are taken as they are.</li>
 *   <li><b>Triangulation of non-planar loops</b>: a loop of five or more midpoints is generally not planar, and
 *       which diagonals split it is a free choice of each marching-cubes table. PyRadiomics uses the classic table
 *       of the Lorensen–Cline cases published by Paul Bourke (public domain). {@link #CHOICES} lists, for the 67
 *       configurations (without corner 7) that have such loops, the triangles of those loops in that table, as
 *       unordered triples of cube edges; everything else here is derived. Loops of three and four midpoints are
 *       planar, so any triangulation gives the same area and volume.</li>
 *   <li>The volume is the signed sum {@code Σ a·(b×c)/6} over all triangles, without the absolute value.</li>
 * </ol>
 * Corner and edge numbering is Lorensen and Cline's (see {@link CubeLoops}). Stateless; the
 * tables are built once and never written afterwards. Thread-safe.
 */
final class SurfaceMesh {
    private SurfaceMesh() {}

    /** Triangulation choices of the non-planar loops, "configuration:e1.e2.e3 …" (see the class javadoc). */
    static final String CHOICES = """
            7:2.3.8 2.8.10 8.9.10; 11:1.2.11 1.9.11 8.9.11; 13:0.1.10 0.8.10 8.10.11
            14:0.3.9 3.9.11 9.10.11; 19:1.3.7 1.4.7 1.4.9; 23:2.3.7 2.7.9 2.9.10 4.7.9
            25:0.2.4 2.4.11 4.7.11; 27:1.2.9 2.9.11 4.7.11 4.9.11; 29:0.1.4 1.10.11 1.4.11 4.7.11
            30:0.3.9 3.9.11 9.10.11; 31:4.7.11 4.9.11 9.10.11; 35:1.3.5 3.5.8 4.5.8
            38:0.2.4 2.4.5 2.5.10; 39:2.3.5 2.5.10 3.4.5 3.4.8; 43:1.2.5 2.5.8 2.8.11 4.5.8
            45:0.1.10 0.8.10 8.10.11; 46:0.3.11 0.4.5 0.5.11 5.10.11; 47:4.5.8 5.8.10 8.10.11
            49:0.3.9 3.5.7 3.5.9; 50:0.1.7 0.7.8 1.5.7; 53:0.3.9 3.5.7 3.5.9
            54:0.2.8 2.5.10 2.5.8 5.7.8; 55:2.3.5 2.5.10 3.5.7; 57:0.2.9 2.7.11 2.7.9 5.7.9
            58:0.1.8 1.5.7 1.7.8; 59:1.2.11 1.5.7 1.7.11; 61:0.1.10 0.10.11 0.5.7 0.5.9 0.7.11
            62:0.10.11 0.3.11 0.5.10 0.5.7 0.7.8; 70:0.2.6 0.6.9 5.6.9; 71:2.3.8 2.5.6 2.5.8 5.8.9
            75:1.2.11 1.9.11 8.9.11; 76:1.3.5 3.5.6 3.6.11; 77:0.1.5 0.5.11 0.8.11 5.6.11
            78:0.3.6 0.5.6 0.5.9 3.6.11; 79:5.6.9 6.9.11 8.9.11; 83:1.3.7 1.4.7 1.4.9
            86:0.2.6 0.6.9 5.6.9; 87:2.3.9 2.6.9 3.7.9 4.7.9 5.6.9; 89:0.2.4 2.4.11 4.7.11
            91:1.2.9 2.9.11 4.7.11 4.9.11; 92:1.3.5 3.5.6 3.6.11; 93:0.1.11 0.4.11 1.5.11 4.7.11 5.6.11
            94:0.3.6 0.5.6 0.5.9 3.6.11; 95:4.7.9 5.6.9 6.9.11 7.9.11; 98:0.1.10 0.4.6 0.6.10
            99:1.3.8 1.6.10 1.6.8 4.6.8; 100:1.2.4 1.4.9 2.4.6; 101:1.2.4 1.4.9 2.4.6
            103:2.3.8 2.4.6 2.4.8; 106:0.1.10 0.4.6 0.6.10; 107:1.2.11 1.4.6 1.4.8 1.6.10 1.8.11
            108:1.3.9 3.6.11 3.6.9 4.6.9; 109:0.1.8 1.4.6 1.4.9 1.6.11 1.8.11; 110:0.3.6 0.4.6 3.6.11
            112:6.7.10 7.8.10 8.9.10; 113:0.3.7 0.7.10 0.9.10 6.7.10; 114:0.1.8 1.7.10 1.7.8 6.7.10
            115:1.3.7 1.7.10 6.7.10; 116:1.2.6 1.6.8 1.8.9 6.7.8; 117:0.3.9 1.2.9 2.6.9 3.7.9 6.7.9
            118:0.2.6 0.6.7 0.7.8; 120:6.7.10 7.8.10 8.9.10; 121:0.2.7 0.7.9 2.7.11 6.7.10 7.9.10
            122:0.1.8 1.7.10 1.7.8 6.7.10; 123:1.2.11 1.6.10 1.6.7 1.7.11; 124:1.3.6 1.6.9 3.6.11 6.7.8 6.8.9
            126:0.3.11 0.6.11 0.6.7 0.7.8
            """;

    /** Per configuration 0…127: cube-edge triples, three per triangle, oriented with the loops (normals outward). */
    private static final int[][] TRIANGLES = buildTriangles();

    /**
     * {mesh volume (mm³), surface area (mm²)} of {@code mask} ({@code nx × ny × nz}, x fastest).
     *
     * <p>A configuration's triangles are the same in every cube up to translation, so their area (and the parts of
     * their signed volume that do not depend on the cube's position) are tabulated once per call: with the cube's
     * corner at {@code p} and midpoints {@code p + a}, {@code (p+a)·((p+b)×(p+c)) = a·(b×c) + p·(b×c + c×a + a×b)}.
     * The cube's configuration is assembled from the two 4-voxel faces it shares with its x neighbours, over the mask
     * padded with background.
     */
    static double[] volumeAndArea(boolean[] mask, int nx, int ny, int nz, double sx, double sy, double sz) {
        if (mask.length != nx * ny * nz) throw new IllegalArgumentException("mask does not fill the box");
        double[] configArea = new double[128];
        double[] configVolume = new double[128];
        double[] normalX = new double[128], normalY = new double[128], normalZ = new double[128];
        tabulate(sx, sy, sz, configArea, configVolume, normalX, normalY, normalZ);

        double[] sums = new double[2];
        addCubes(padded(mask, nx, ny, nz), nx, ny, nz, sx, sy, sz, configArea, configVolume, normalX, normalY, normalZ, sums);
        return new double[] {sums[0] / 6, sums[1]};
    }

    /** {@code mask} as 0/1 bytes with one background voxel on every side. */
    private static byte[] padded(boolean[] mask, int nx, int ny, int nz) {
        final int px = nx + 2, pxy = px * (ny + 2);
        byte[] padded = new byte[pxy * (nz + 2)];
        for (int z = 0, i = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                int j = 1 + px * (y + 1) + pxy * (z + 1);
                for (int x = 0; x < nx; x++, i++, j++) if (mask[i]) padded[j] = 1;
            }
        }
        return padded;
    }

    /**
     * Adds six times the signed volume and the area of every cube's triangles to {@code sums[0]}, {@code sums[1]}
     * (a method of its own, apart from the padding loop, so that the JIT compiles each loop nest once:
     * docs/performance.md).
     */
    private static void addCubes(byte[] padded, int nx, int ny, int nz, double sx, double sy, double sz, double[] configArea,
            double[] configVolume, double[] normalX, double[] normalY, double[] normalZ, double[] sums) {
        final int px = nx + 2, pxy = px * (ny + 2);
        double volume = 0, area = 0;
        for (int z = -1; z < nz; z++) {
            final double pz = z * sz;
            for (int y = -1; y < ny; y++) {
                final double py = y * sy;
                final int j0 = px * (y + 1) + pxy * (z + 1); // padded index of the corner (x = -1, y, z)
                int left = face(padded, j0, px, pxy);
                for (int x = -1; x < nx; x++) {
                    final int right = face(padded, j0 + x + 2, px, pxy);
                    int config = FACES_TO_CONFIG[(left << 4) | right];
                    left = right;
                    if (config == 0 || config == 0xff) continue;
                    double sign = 1;
                    if ((config & 0x80) != 0) {
                        config ^= 0xff;
                        sign = -1;
                    }
                    volume += sign * (configVolume[config] + x * sx * normalX[config] + py * normalY[config] + pz * normalZ[config]);
                    area += configArea[config];
                }
            }
        }
        sums[0] = volume;
        sums[1] = area;
    }

    /** The 4 voxels of the x-plane at padded index {@code j}: bit 0 (y, z), 1 (y+1, z), 2 (y, z+1), 3 (y+1, z+1). */
    private static int face(byte[] padded, int j, int px, int pxy) {
        return padded[j] | padded[j + px] << 1 | padded[j + pxy] << 2 | padded[j + px + pxy] << 3;
    }

    /** Cube configuration (corner bits, Lorensen–Cline numbering) from its left (x) and right (x+1) faces. */
    private static final int[] FACES_TO_CONFIG = buildFacesToConfig();

    private static int[] buildFacesToConfig() {
        int[] table = new int[256];
        for (int left = 0; left < 16; left++) {
            for (int right = 0; right < 16; right++) {
                int config = 0;
                for (int k = 0; k < 8; k++) {
                    int faceBit = CubeLoops.CORNER_Y[k] + 2 * CubeLoops.CORNER_Z[k];
                    int face = CubeLoops.CORNER_X[k] == 0 ? left : right;
                    if ((face >> faceBit & 1) != 0) config |= 1 << k;
                }
                table[(left << 4) | right] = config;
            }
        }
        return table;
    }

    /**
     * Per configuration (without corner 7), for the cube at the origin with spacing {@code s}: the triangles' area,
     * {@code Σ a·(b×c)}, and {@code Σ (b×c + c×a + a×b)}.
     */
    private static void tabulate(double sx, double sy, double sz, double[] area, double[] volume,
                                 double[] normalX, double[] normalY, double[] normalZ) {
        double[] mx = new double[12], my = new double[12], mz = new double[12];
        for (int e = 0; e < 12; e++) {
            mx[e] = 0.5 * CubeLoops.midX(e) * sx;
            my[e] = 0.5 * CubeLoops.midY(e) * sy;
            mz[e] = 0.5 * CubeLoops.midZ(e) * sz;
        }
        for (int config = 1; config < 128; config++) {
            int[] t = TRIANGLES[config];
            double ar = 0, vol = 0, nX = 0, nY = 0, nZ = 0;
            for (int f = 0; f < t.length; f += 3) {
                int a = t[f], b = t[f + 1], c = t[f + 2];
                // b × c, c × a, a × b
                double bcx = my[b] * mz[c] - mz[b] * my[c], bcy = mz[b] * mx[c] - mx[b] * mz[c], bcz = mx[b] * my[c] - my[b] * mx[c];
                double cax = my[c] * mz[a] - mz[c] * my[a], cay = mz[c] * mx[a] - mx[c] * mz[a], caz = mx[c] * my[a] - my[c] * mx[a];
                double abx = my[a] * mz[b] - mz[a] * my[b], aby = mz[a] * mx[b] - mx[a] * mz[b], abz = mx[a] * my[b] - my[a] * mx[b];
                vol += mx[a] * bcx + my[a] * bcy + mz[a] * bcz;
                nX += bcx + cax + abx;
                nY += bcy + cay + aby;
                nZ += bcz + caz + abz;
                // area: |(a − c) × (b − c)| / 2
                double ux = mx[a] - mx[c], uy = my[a] - my[c], uz = mz[a] - mz[c];
                double vx = mx[b] - mx[c], vy = my[b] - my[c], vz = mz[b] - mz[c];
                double nxv = uy * vz - uz * vy, nyv = uz * vx - ux * vz, nzv = ux * vy - uy * vx;
                ar += 0.5 * Math.sqrt(nxv * nxv + nyv * nyv + nzv * nzv);
            }
            area[config] = ar;
            volume[config] = vol;
            normalX[config] = nX;
            normalY[config] = nY;
            normalZ[config] = nZ;
        }
    }

    private static int[][] buildTriangles() {
        Map<Integer, int[][]> choices = parseChoices();
        int[][] table = new int[128][];
        table[0] = new int[0];
        for (int config = 1; config < 128; config++) {
            int[] out = new int[0];
            for (int[] loop : CubeLoops.loops(config)) {
                int[] triangles = loop.length < 5 ? fan(loop) : chosen(loop, choices.get(config), config);
                int n = out.length;
                out = Arrays.copyOf(out, n + triangles.length);
                System.arraycopy(triangles, 0, out, n, triangles.length);
            }
            table[config] = out;
        }
        return table;
    }

    /** Fan triangulation from the loop's first midpoint (for planar loops any triangulation is equivalent). */
    private static int[] fan(int[] loop) {
        int[] out = new int[3 * (loop.length - 2)];
        for (int k = 1; k < loop.length - 1; k++) {
            out[3 * (k - 1)] = loop[0];
            out[3 * (k - 1) + 1] = loop[k];
            out[3 * (k - 1) + 2] = loop[k + 1];
        }
        return out;
    }

    /** The listed triangles lying on {@code loop}, each written in loop order so that it keeps the loop's orientation. */
    private static int[] chosen(int[] loop, int[][] triangles, int config) {
        if (triangles == null) throw new IllegalStateException("no triangulation listed for configuration " + config);
        int[] position = new int[12];
        Arrays.fill(position, -1);
        for (int k = 0; k < loop.length; k++) position[loop[k]] = k;
        int[] out = new int[3 * (loop.length - 2)];
        int n = 0;
        for (int[] t : triangles) {
            if (position[t[0]] < 0 || position[t[1]] < 0 || position[t[2]] < 0) continue;
            int[] p = {position[t[0]], position[t[1]], position[t[2]]};
            Arrays.sort(p);
            if (n == out.length) throw new IllegalStateException("too many triangles for a loop of configuration " + config);
            out[n++] = loop[p[0]];
            out[n++] = loop[p[1]];
            out[n++] = loop[p[2]];
        }
        if (n != out.length) throw new IllegalStateException("incomplete triangulation of a loop of configuration " + config);
        return out;
    }

    private static Map<Integer, int[][]> parseChoices() {
        Map<Integer, int[][]> out = new HashMap<>();
        for (String entry : CHOICES.replace('\n', ';').split(";")) {
            entry = entry.trim();
            if (entry.isEmpty()) continue;
            int colon = entry.indexOf(':');
            String[] triangles = entry.substring(colon + 1).trim().split("\\s+");
            int[][] t = new int[triangles.length][];
            for (int k = 0; k < triangles.length; k++) {
                t[k] = Arrays.stream(triangles[k].split("\\.")).mapToInt(Integer::parseInt).toArray();
            }
            out.put(Integer.parseInt(entry.substring(0, colon)), t);
        }
        return out;
    }
}
