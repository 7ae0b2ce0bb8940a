package org.radiome.features.morphology;

import java.util.Arrays;

/**
 * Marching cubes on a binary mask as IBSI-1 prescribes it for the mesh-based morphological features (WRJH): the
 * mask is padded with one layer of background voxels, the iso-level is 0.5, and since voxel values are 0 or 1,
 * linear interpolation puts every vertex at the midpoint of a cube edge (or, in some subcases, at the cube's
 * centre). The result is a closed, consistently
 * oriented {@link Mesh} in doubled voxel units (see there).
 *
 * <h2>Which marching cubes</h2>
 * How a cube's surface is triangulated is not fixed by IBSI, and on a binary mask the choice shows: a loop of
 * four or more edge midpoints is generally not planar, and its triangulations differ in area and volume. The
 * IBSI reference values were largely produced with scikit-image's {@code measure.marching_cubes} (as, for
 * example, {@code mirp} calls it: mask padded by one voxel, level 0.5, the voxel spacing), which implements
 * Marching Cubes 33 after T. Lewiner, H. Lopes, A. W. Vieira and G. Tavares, "Efficient implementation of
 * Marching Cubes' cases with topological guarantees", Journal of Graphics Tools 8(2):1–15, 2003. We follow that
 * algorithm: its case tables ({@link LewinerTables}) and its face and interior tests ({@link LewinerCases}).
 *
 * <p>On a 0/1 mask at level 0.5 every corner value is ±½, so each of the 256 corner configurations has one
 * fixed outcome; {@link #TRIANGLE_TABLE} evaluates the case analysis once per configuration at class
 * initialisation, and the per-cube loop is a table lookup. The face test is always a tie there (the bilinear
 * saddle of an ambiguous face lies exactly at the level), which the reference code resolves by the sign the
 * table gives the tested face; we resolve it the same way, so a face is split the same way from both cubes
 * sharing it. Some subcases add a vertex at the cube centre (cube "edge" 12; the interpolation weights of
 * all eight corners are equal, so it is the exact centre), private to its cube.
 *
 * <h2>The mesh</h2>
 * Vertices on lattice edges are shared by all cubes around the edge. Triangles are reversed from the tables'
 * order, as scikit-image does for {@code gradient_direction='descent'} (ROI brighter than background), so they
 * are counter-clockwise seen from the background and the volume is positive. The result equals scikit-image's
 * mesh triangle for triangle (checked on every configuration and on random masks). It is closed and
 * consistently oriented, and a 2-manifold but for one feature of the ties: where a subcase joins the two inside
 * corners of an ambiguous face, the joining "bridge" has zero width at the face and collapses into triangles
 * lying in the face; if the cube on the other side joins them too, it lays the same triangles there, reversed.
 * Such coincident, oppositely oriented pairs leave the volume unchanged but count twice in the area, as they do
 * in the reference; their edges have four triangles, two in each direction. The smallest masks with such pairs
 * have four voxels in a 3×2×2 box (see the tests); the meshes of the IBSI digital phantom and of the CT
 * phantom in configurations A–E have none.
 *
 * <p>Corner {@code k} of the cube with lowest corner {@code (x,y,z)} is
 * {@code (x + CORNER_X[k], y + CORNER_Y[k], z + CORNER_Z[k])}, numbered as in the paper (0–3 anticlockwise on
 * the bottom face, 4–7 above them); edge {@code e < 12} joins corners {@code EDGE_START[e]} and
 * {@code EDGE_END[e]}. Volume axes: x is the fastest index, as in scikit-image's {@code volume[z, y, x]}
 * for an image read as (slices, rows, columns).
 *
 * <p>Stateless; the tables are constants and never written after initialisation. Thread-safe.
 */
final class MarchingCubes {
    private MarchingCubes() {}

    static final int[] CORNER_X = {0, 1, 1, 0, 0, 1, 1, 0};
    static final int[] CORNER_Y = {0, 0, 1, 1, 0, 0, 1, 1};
    static final int[] CORNER_Z = {0, 0, 0, 0, 1, 1, 1, 1};
    static final int[] EDGE_START = {0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3};
    static final int[] EDGE_END = {1, 2, 3, 0, 5, 6, 7, 4, 4, 5, 6, 7};

    /** The cube-centre vertex, numbered as a 13th edge in the tables. */
    static final int CENTRE = 12;

    /**
     * Per configuration (bit {@code k} set when corner {@code k} is inside the ROI): the triangles, three cube
     * edges (or {@link #CENTRE}) each, counter-clockwise seen from the background.
     */
    static final int[][] TRIANGLE_TABLE = buildTriangleTable();

    /** Per configuration: bit {@code e} set if its triangles use edge (or centre) {@code e}. */
    static final int[] EDGE_TABLE = buildEdgeTable();

    /**
     * The marching-cubes surface of {@code mask} (x fastest, {@code index = x + nx*(y + ny*z)}) padded with
     * background, at iso-level 0.5. Vertex coordinates are doubled voxel indices: voxel {@code (x,y,z)} has its
     * centre at {@code (2x, 2y, 2z)}. Each vertex is shared by all faces that use it.
     */
    static Mesh mesh(boolean[] mask, int nx, int ny, int nz) {
        if (nx < 1 || ny < 1 || nz < 1 || mask.length != nx * ny * nz) {
            throw new IllegalArgumentException("mask of " + mask.length + " values does not fill a " + nx + "×" + ny + "×" + nz + " box");
        }
        int px = nx + 2, py = ny + 2, pz = nz + 2;
        int plane = px * py;
        byte[] padded = pad(mask, nx, ny, nz);
        IntList vertices = new IntList(1024);
        IntList faces = new IntList(2048);
        // Vertex ids of the lattice edges around the current layer of cubes, indexed by lattice point i + px*j:
        // x- and y-edges in the cubes' lower and upper planes, and z-edges between them.
        int[] xLower = new int[plane], yLower = new int[plane], xUpper = new int[plane], yUpper = new int[plane];
        int[] zEdges = new int[plane];
        Arrays.fill(xUpper, -1);
        Arrays.fill(yUpper, -1);
        int[] cubeVertex = new int[13];
        for (int k = 0; k < pz - 1; k++) {
            int[] t = xLower; xLower = xUpper; xUpper = t;
            t = yLower; yLower = yUpper; yUpper = t;
            Arrays.fill(xUpper, -1);
            Arrays.fill(yUpper, -1);
            Arrays.fill(zEdges, -1);
            for (int j = 0; j < py - 1; j++) {
                int p = px * j + plane * k;
                for (int i = 0; i < px - 1; i++, p++) {
                    int config = padded[p]
                            | padded[p + 1] << 1
                            | padded[p + 1 + px] << 2
                            | padded[p + px] << 3
                            | padded[p + plane] << 4
                            | padded[p + 1 + plane] << 5
                            | padded[p + 1 + px + plane] << 6
                            | padded[p + px + plane] << 7;
                    if (config == 0 || config == 255) continue;
                    int used = EDGE_TABLE[config];
                    int lattice = i + px * j;
                    for (int e = 0; e < 12; e++) {
                        if ((used & (1 << e)) == 0) continue;
                        int[] cache;
                        int at;
                        switch (e) {
                            case 0: cache = xLower; at = lattice; break;
                            case 1: cache = yLower; at = lattice + 1; break;
                            case 2: cache = xLower; at = lattice + px; break;
                            case 3: cache = yLower; at = lattice; break;
                            case 4: cache = xUpper; at = lattice; break;
                            case 5: cache = yUpper; at = lattice + 1; break;
                            case 6: cache = xUpper; at = lattice + px; break;
                            case 7: cache = yUpper; at = lattice; break;
                            case 8: cache = zEdges; at = lattice; break;
                            case 9: cache = zEdges; at = lattice + 1; break;
                            case 10: cache = zEdges; at = lattice + 1 + px; break;
                            default: cache = zEdges; at = lattice + px; break;
                        }
                        int v = cache[at];
                        if (v < 0) {
                            v = vertices.size() / 3;
                            int s = EDGE_START[e], f = EDGE_END[e];
                            // Padded index i is voxel i - 1; doubled midpoint = 2·(cube corner) + corner_s + corner_f.
                            vertices.add(2 * (i - 1) + CORNER_X[s] + CORNER_X[f]);
                            vertices.add(2 * (j - 1) + CORNER_Y[s] + CORNER_Y[f]);
                            vertices.add(2 * (k - 1) + CORNER_Z[s] + CORNER_Z[f]);
                            cache[at] = v;
                        }
                        cubeVertex[e] = v;
                    }
                    if ((used & (1 << CENTRE)) != 0) {
                        cubeVertex[CENTRE] = vertices.size() / 3;
                        vertices.add(2 * (i - 1) + 1);
                        vertices.add(2 * (j - 1) + 1);
                        vertices.add(2 * (k - 1) + 1);
                    }
                    for (int edge : TRIANGLE_TABLE[config]) faces.add(cubeVertex[edge]);
                }
            }
        }
        return new Mesh(vertices.toArray(), faces.toArray());
    }

    /** The mask as 0/1 bytes with one background voxel on every side. */
    private static byte[] pad(boolean[] mask, int nx, int ny, int nz) {
        int px = nx + 2, py = ny + 2;
        byte[] padded = new byte[px * py * (nz + 2)];
        for (int z = 0, i = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                int p = 1 + px * (y + 1 + py * (z + 1));
                for (int x = 0; x < nx; x++, i++, p++) {
                    if (mask[i]) padded[p] = 1;
                }
            }
        }
        return padded;
    }

    /**
     * Runs Lewiner's case analysis ({@link LewinerCases}) on each configuration with corner values ±½ (a 0/1
     * mask minus the level 0.5), and reverses each triangle, as scikit-image does for
     * {@code gradient_direction='descent'} (ROI brighter than background), so that normals point out of the ROI.
     */
    private static int[][] buildTriangleTable() {
        int[][] table = new int[256][];
        double[] corners = new double[8];
        for (int config = 0; config < 256; config++) {
            for (int k = 0; k < 8; k++) corners[k] = (config >> k & 1) != 0 ? 0.5 : -0.5;
            int[] t = LewinerCases.triangles(corners);
            for (int i = 0; i < t.length; i += 3) {
                int first = t[i];
                t[i] = t[i + 2];
                t[i + 2] = first;
            }
            table[config] = t;
        }
        return table;
    }

    private static int[] buildEdgeTable() {
        int[] table = new int[256];
        for (int config = 0; config < 256; config++) {
            for (int e : TRIANGLE_TABLE[config]) table[config] |= 1 << e;
        }
        return table;
    }

    /** A growable int array (construction only; not used in per-voxel arithmetic). */
    static final class IntList {
        private int[] values;
        private int size;

        IntList(int capacity) { values = new int[Math.max(4, capacity)]; }

        void add(int v) {
            if (size == values.length) values = Arrays.copyOf(values, size * 2);
            values[size++] = v;
        }

        int size() { return size; }

        int[] toArray() { return Arrays.copyOf(values, size); }
    }
}
