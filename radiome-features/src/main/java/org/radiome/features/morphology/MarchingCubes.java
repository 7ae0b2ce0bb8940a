package org.radiome.features.morphology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Marching cubes (Lorensen &amp; Cline, SIGGRAPH 1987) on a binary mask, as IBSI-1 prescribes for the
 * mesh-based morphological features: the mask is padded with one layer of background voxels, the iso-level is
 * 0.5, and since voxel values are 0 or 1 linear interpolation puts every vertex at the midpoint of a cube edge.
 * The result is a closed, consistently oriented {@link Mesh} in doubled voxel units (see there).
 *
 * <h2>The case tables</h2>
 * {@link #EDGE_TABLE} (which of the 12 cube edges the surface crosses, per corner configuration) and
 * {@link #TRIANGLE_TABLE} (the triangles, as triples of cube edges) are the Lorensen–Cline tables, indexed by
 * the 8-bit configuration whose bit {@code k} is set when corner {@code k} is inside the ROI. They are
 * public-domain data; rather than transcribing 256 rows by hand, we derive them once, at class initialisation,
 * from the rule that defines them:
 * <ol>
 *   <li>On each cube face, the surface crosses the face along segments joining the midpoints of its crossed
 *   edges: a segment cuts off a corner that differs from both its face neighbours, or separates two adjacent
 *   inside corners from two adjacent outside ones.</li>
 *   <li>On an ambiguous face (two diagonally opposite inside corners) the two inside corners are
 *   <em>always</em> cut off separately. This is the choice of the original paper's 15 base cases. The original
 *   paper derived the other configurations from those 15 by complement symmetry, which on ambiguous faces
 *   separates the <em>outside</em> corners instead and can leave holes where two cubes disagree; a fixed rule
 *   per face makes neighbouring cubes agree on every shared face, so the mesh is closed.</li>
 *   <li>Each segment is directed so that the inside corner lies to its right seen from outside the cube; the
 *   segments of a configuration then join into closed loops of 3 to 7 midpoints (a loop of {@code k}
 *   midpoints gives {@code k − 2} triangles, the counts of the original cases).</li>
 *   <li>A loop of four or more midpoints need not be planar, and then its triangulations enclose different
 *   volumes and areas. The loop splits the cube's 8 corners into those on its inside side and those on its
 *   outside side. The surface bulges away from the smaller group: with fewer than four inside corners we take
 *   the triangulation enclosing the most ROI volume, with more than four the least, and with four on each side
 *   the one in the middle of the range. Where no face is ambiguous, a configuration and its complement thus
 *   get the same surface, as complement symmetry gives them in the published tables; on all 134 such
 *   configurations the result has, configuration by configuration, the same enclosed volume and area as the
 *   widely copied table of P. Bourke (checked once against it while writing this class). It reproduces IBSI's
 *   reference mesh of the digital phantom; fanning each loop from an arbitrary vertex can instead move
 *   asphericity (25C7) outside its tolerance.</li>
 *   <li>A diagonal may not join two midpoints of the same cube face (a chord lying in the face): the
 *   neighbouring cube could use the same chord, and the two surfaces would touch along it, an edge of four
 *   triangles. Without such chords every mesh edge is either a face segment, shared with exactly one
 *   neighbouring cube, or a diagonal inside one cube: the mesh is a 2-manifold, every edge in exactly two
 *   triangles, as IBSI's orientation check expects.</li>
 * </ol>
 * Every face is seen with the same segments by the two cubes sharing it, with opposite directions, so every
 * mesh edge is used once in each direction: the mesh is closed and consistently oriented, with normals pointing
 * from the ROI into the background (positive volume).
 *
 * <p>Corner {@code k} of the cube with lowest corner {@code (x,y,z)} is
 * {@code (x + CORNER_X[k], y + CORNER_Y[k], z + CORNER_Z[k])}, numbered as in the original paper
 * (0–3 anticlockwise on the bottom face, 4–7 above them); edge {@code e} joins corners {@code EDGE_START[e]}
 * and {@code EDGE_END[e]}.
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

    /** Cube faces as corner cycles (consecutive corners share a cube edge), with outward unit normals. */
    private static final int[][] FACE_CORNERS = {
        {0, 1, 2, 3}, {4, 5, 6, 7}, {0, 1, 5, 4}, {3, 2, 6, 7}, {0, 3, 7, 4}, {1, 2, 6, 5}};
    private static final int[][] FACE_NORMALS = {
        {0, 0, -1}, {0, 0, 1}, {0, -1, 0}, {0, 1, 0}, {-1, 0, 0}, {1, 0, 0}};

    /** Per configuration: bit {@code e} set if the surface crosses cube edge {@code e}. */
    static final int[] EDGE_TABLE = buildEdgeTable();

    /** Per configuration: cube edges, three per triangle, counter-clockwise seen from the background. */
    static final int[][] TRIANGLE_TABLE = buildTriangleTable();

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
        int[] cubeVertex = new int[12];
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
                    int crossed = EDGE_TABLE[config];
                    int lattice = i + px * j;
                    for (int e = 0; e < 12; e++) {
                        if ((crossed & (1 << e)) == 0) continue;
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

    private static int[] buildEdgeTable() {
        int[] table = new int[256];
        for (int config = 0; config < 256; config++) {
            for (int e = 0; e < 12; e++) {
                boolean a = (config >> EDGE_START[e] & 1) != 0, b = (config >> EDGE_END[e] & 1) != 0;
                if (a != b) table[config] |= 1 << e;
            }
        }
        return table;
    }

    private static int[][] buildTriangleTable() {
        int[][] table = new int[256][];
        for (int config = 0; config < 256; config++) table[config] = triangulate(config);
        return table;
    }

    /** The triangles of one corner configuration, derived from its face segments (see the class comment). */
    private static int[] triangulate(int config) {
        IntList triangles = new IntList(12);
        for (int[] loop : loops(config)) {
            for (int e : chooseTriangulation(config, loop)) triangles.add(e);
        }
        return triangles.toArray();
    }

    /**
     * The closed loops of face segments of one configuration, each as its sequence of cube edges, directed
     * counter-clockwise seen from the background.
     */
    static int[][] loops(int config) {
        int[] next = new int[12];
        Arrays.fill(next, -1);
        for (int f = 0; f < 6; f++) {
            int[] q = FACE_CORNERS[f];
            boolean[] in = new boolean[4];
            int inside = 0;
            for (int c = 0; c < 4; c++) {
                in[c] = (config >> q[c] & 1) != 0;
                if (in[c]) inside++;
            }
            if (inside == 0 || inside == 4) continue;
            boolean diagonal = inside == 2 && in[0] == in[2];
            for (int c = 0; c < 4; c++) {
                int before = (c + 3) % 4, after = (c + 1) % 4;
                if (in[before] != in[c] && in[after] != in[c]) {
                    // corner c differs from both face neighbours: cut it off, unless it is an outside corner of
                    // an ambiguous face (there the inside corners are cut off instead)
                    if (diagonal && !in[c]) continue;
                    addSegment(next, f, edge(q[before], q[c]), edge(q[c], q[after]), q[c], in[c]);
                } else if (inside == 2 && !diagonal && in[c] && in[after]) {
                    // adjacent inside corners c, c+1: the segment separates them from the other two
                    int beyond = (c + 2) % 4;
                    addSegment(next, f, edge(q[before], q[c]), edge(q[after], q[beyond]), q[c], true);
                }
            }
        }
        int[][] loops = new int[6][];
        int count = 0;
        boolean[] used = new boolean[12];
        int[] loop = new int[12];
        for (int start = 0; start < 12; start++) {
            if (next[start] < 0 || used[start]) continue;
            int length = 0;
            for (int e = start; !used[e]; e = next[e]) {
                if (next[e] < 0) throw new IllegalStateException("open loop in configuration " + config);
                used[e] = true;
                loop[length++] = e;
            }
            loops[count++] = Arrays.copyOf(loop, length);
        }
        return Arrays.copyOf(loops, count);
    }

    /**
     * The triangulation of one loop (see the class comment, rule 4): with fewer than four cube corners on the
     * loop's inside side, the one enclosing the most ROI volume; with more than four, the least; with four on
     * each side, the one whose volume lies closest to the middle of that range. Volumes are exact integers
     * (sums of {@link #tripleProduct}, against a fixed origin: two triangulations of one loop differ in enclosed
     * volume by the difference of their sums). Where several triangulations qualify, the first in enumeration
     * order is kept; they have the same area (checked by the tests). Triangles keep the loop's direction.
     */
    static int[] chooseTriangulation(int config, int[] loop) {
        List<int[]> candidates = triangulations(loop, 0, loop.length - 1);
        if (candidates.isEmpty()) {
            throw new IllegalStateException("no triangulation without face chords for loop " + Arrays.toString(loop));
        }
        long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
        for (int[] t : candidates) {
            long v = volume(t);
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        int inside = cornersOnInsideSide(config, loop);
        int[] best = null;
        long bestScore = Long.MAX_VALUE;
        for (int[] t : candidates) {
            long v = volume(t);
            long score = inside < 4 ? -v : inside > 4 ? v : Math.abs(2 * v - (min + max));
            if (score < bestScore) {
                bestScore = score;
                best = t;
            }
        }
        return best;
    }

    /**
     * Every triangulation of the polygon {@code loop[i..j]} whose diagonals avoid face chords (a diagonal joining
     * two midpoints of one cube face; see the class comment), each as cube-edge triples in loop direction.
     * Loops have at most 7 midpoints, so there are at most 42.
     */
    static List<int[]> triangulations(int[] loop, int i, int j) {
        List<int[]> out = new ArrayList<>();
        if (j - i < 2) {
            out.add(new int[0]);
            return out;
        }
        boolean closingSide = i == 0 && j == loop.length - 1;
        if (!closingSide && inSameFace(loop[i], loop[j])) return out; // the diagonal (i, j) is a face chord
        for (int k = i + 1; k < j; k++) {
            for (int[] left : triangulations(loop, i, k)) {
                for (int[] right : triangulations(loop, k, j)) {
                    int[] t = Arrays.copyOf(left, left.length + right.length + 3);
                    System.arraycopy(right, 0, t, left.length, right.length);
                    t[t.length - 3] = loop[i];
                    t[t.length - 2] = loop[k];
                    t[t.length - 1] = loop[j];
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** Sum of {@link #tripleProduct} over triangles: 48 × their signed volume against cube corner 0. */
    static long volume(int[] triangles) {
        long v = 0;
        for (int t = 0; t < triangles.length; t += 3) v += tripleProduct(triangles[t], triangles[t + 1], triangles[t + 2]);
        return v;
    }

    /**
     * How many cube corners lie on the inside side of a loop: the loop, a closed curve on the cube's surface,
     * splits the 8 corners in two; the corners reachable from an inside corner next to the loop along cube edges
     * the loop does not cross are on its inside side.
     */
    static int cornersOnInsideSide(int config, int[] loop) {
        int crossed = 0;
        for (int e : loop) crossed |= 1 << e;
        int first = loop[0];
        int start = (config >> EDGE_START[first] & 1) != 0 ? EDGE_START[first] : EDGE_END[first];
        int reached = 1 << start;
        for (boolean grown = true; grown; ) {
            grown = false;
            for (int e = 0; e < 12; e++) {
                if ((crossed >> e & 1) != 0) continue;
                int s = 1 << EDGE_START[e], t = 1 << EDGE_END[e];
                if (((reached & s) != 0) != ((reached & t) != 0)) {
                    reached |= s | t;
                    grown = true;
                }
            }
        }
        return Integer.bitCount(reached);
    }

    /** True if cube edges a and b border a common cube face. */
    static boolean inSameFace(int a, int b) {
        for (int[] face : FACE_CORNERS) {
            if (onFace(face, a) && onFace(face, b)) return true;
        }
        return false;
    }

    private static boolean onFace(int[] face, int e) {
        boolean start = false, end = false;
        for (int c : face) {
            start |= c == EDGE_START[e];
            end |= c == EDGE_END[e];
        }
        return start && end;
    }

    private static void emit(int[] loop, int[][] split, int i, int j, IntList out) {
        if (j - i < 2) return;
        int k = split[i][j];
        out.add(loop[i]);
        out.add(loop[k]);
        out.add(loop[j]);
        emit(loop, split, i, k, out);
        emit(loop, split, k, j, out);
    }

    /** a·(b×c) for the doubled midpoints of cube edges a, b, c (6 × 8 × the signed tetrahedron volume). */
    static long tripleProduct(int a, int b, int c) {
        long ax = midX(a), ay = midY(a), az = midZ(a);
        long bx = midX(b), by = midY(b), bz = midZ(b);
        long cx = midX(c), cy = midY(c), cz = midZ(c);
        return ax * (by * cz - bz * cy) + ay * (bz * cx - bx * cz) + az * (bx * cy - by * cx);
    }

    /** Doubled cube-local coordinates of the midpoint of cube edge e. */
    static int midX(int e) { return CORNER_X[EDGE_START[e]] + CORNER_X[EDGE_END[e]]; }
    static int midY(int e) { return CORNER_Y[EDGE_START[e]] + CORNER_Y[EDGE_END[e]]; }
    static int midZ(int e) { return CORNER_Z[EDGE_START[e]] + CORNER_Z[EDGE_END[e]]; }

    /**
     * Records the face segment between the midpoints of cube edges {@code e1} and {@code e2}, directed so that
     * {@code corner}, which it cuts off, lies to its right seen from outside the cube if the corner is inside the
     * ROI and to its left if it is outside. The loops through all such segments are then counter-clockwise seen
     * from the background.
     */
    private static void addSegment(int[] next, int face, int e1, int e2, int corner, boolean cornerInside) {
        // doubled coordinates: edge midpoint = corner_start + corner_end, corner = 2·corner
        int ux = midX(e1), uy = midY(e1), uz = midZ(e1);
        int dx = midX(e2) - ux, dy = midY(e2) - uy, dz = midZ(e2) - uz;
        int rx = 2 * CORNER_X[corner] - ux, ry = 2 * CORNER_Y[corner] - uy, rz = 2 * CORNER_Z[corner] - uz;
        int[] n = FACE_NORMALS[face];
        // (d × r)·n < 0: the corner is to the right of the segment seen from outside the cube
        int side = (dy * rz - dz * ry) * n[0] + (dz * rx - dx * rz) * n[1] + (dx * ry - dy * rx) * n[2];
        boolean rightOfE1ToE2 = side < 0;
        int from = rightOfE1ToE2 == cornerInside ? e1 : e2;
        int to = from == e1 ? e2 : e1;
        if (next[from] >= 0) throw new IllegalStateException("two segments leave cube edge " + from);
        next[from] = to;
    }

    private static int edge(int cornerA, int cornerB) {
        for (int e = 0; e < 12; e++) {
            if ((EDGE_START[e] == cornerA && EDGE_END[e] == cornerB) || (EDGE_START[e] == cornerB && EDGE_END[e] == cornerA)) return e;
        }
        throw new IllegalArgumentException("corners " + cornerA + " and " + cornerB + " share no cube edge");
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
