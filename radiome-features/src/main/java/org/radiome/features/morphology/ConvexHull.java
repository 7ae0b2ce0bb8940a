package org.radiome.features.morphology;

import java.util.Arrays;

/**
 * The 3D convex hull of a set of integer points, by Quickhull (Barber, Dobkin &amp; Huhdanpaa, ACM TOMS 22(4),
 * 1996), with exact integer predicates.
 *
 * <p>Why our own: IBSI's convex-hull features (R3ER, 7T7F) and the maximum diameter (L0JK) need a 3D hull of
 * the mesh vertices, and no library in our dependency set provides one (Hipparchus has 2D hulls only; the
 * JVM has none). Why exact: mesh vertices of a voxel mask are heavily degenerate, with many points on
 * common planes, and floating-point orientation tests can then disagree with each other and break the hull.
 * Our mesh vertices are integers (doubled voxel units, see {@link Mesh}), so every orientation test here is an
 * exact {@code long} determinant and the hull is exactly right. Scaling the axes by the voxel spacing is a
 * linear map, so the hull computed in voxel units is the hull in millimetres.
 *
 * <p>Conventions that make the degenerate cases safe: a point is outside a face only if it lies
 * <em>strictly</em> above the face's plane, and a face is visible from a new point only if the point is
 * strictly above it. Coplanar hull facets therefore come out triangulated, and points lying on the hull's
 * boundary may or may not become hull vertices; neither changes the hull's volume, area or diameter. With
 * strict visibility a new face is never degenerate (a point on the line of a horizon edge would lie in the
 * planes of both faces at that edge, so the edge would not be on the horizon).
 *
 * <p>Coordinates must lie within ±2<sup>18</sup> so that every determinant fits a {@code long}. Each call
 * works on its own arrays: thread-safe.
 */
final class ConvexHull {
    /** Largest absolute coordinate accepted: keeps normals below 2^39 and plane offsets below 2^59. */
    static final int MAX_COORDINATE = 1 << 18;

    private final int[] p; // input points, 3 per point
    private int faceCount;
    private int[] vertex = new int[3 * 64]; // face f: vertices vertex[3f..3f+2], counter-clockwise from outside
    private int[] neighbour = new int[3 * 64]; // face across edge (v_k, v_k+1)
    private long[] plane = new long[4 * 64]; // outward normal (3) and offset: above(p) = n·p − offset
    private boolean[] alive = new boolean[64];
    private int[] outsideHead = new int[64]; // first point of the face's outside set, −1 if none
    private final int[] outsideNext; // linked lists of outside sets, per point
    // per-point scratch for linking new faces around the horizon
    private final int[] newFaceFrom, newFaceTo, horizonStamp;
    private int[] visibleStamp = new int[64];
    private int stamp;

    private ConvexHull(int[] points) {
        this.p = points;
        int n = points.length / 3;
        outsideNext = new int[n];
        newFaceFrom = new int[n];
        newFaceTo = new int[n];
        horizonStamp = new int[n];
    }

    /**
     * The convex hull of {@code points} (x, y, z per point) as a closed mesh over the same vertex array,
     * faces counter-clockwise seen from outside.
     *
     * @throws IllegalArgumentException if the points do not span three dimensions (fewer than four points,
     *     or all coplanar), or a coordinate exceeds {@link #MAX_COORDINATE}
     */
    static Mesh of(int[] points) {
        if (points.length % 3 != 0) throw new IllegalArgumentException("points must be x, y, z triples");
        for (int c : points) {
            if (Math.abs(c) > MAX_COORDINATE) {
                throw new IllegalArgumentException("convex hull coordinate " + c + " exceeds ±" + MAX_COORDINATE);
            }
        }
        ConvexHull hull = new ConvexHull(points);
        hull.build();
        return new Mesh(points, hull.aliveFaces());
    }

    /** Indices of the points used by the faces of {@code hull}, each once, in increasing order. */
    static int[] vertexIndices(Mesh hull) {
        int[] faces = hull.faces().clone();
        Arrays.sort(faces);
        int n = 0;
        for (int i = 0; i < faces.length; i++) {
            if (i == 0 || faces[i] != faces[i - 1]) faces[n++] = faces[i];
        }
        return Arrays.copyOf(faces, n);
    }

    private void build() {
        int n = p.length / 3;
        int[] simplex = initialSimplex(n);
        int a = simplex[0], b = simplex[1], c = simplex[2], d = simplex[3];
        // orient(a, b, c, d) < 0 after initialSimplex: d lies below face (a, b, c)
        int f0 = addFace(a, b, c), f1 = addFace(a, d, b), f2 = addFace(b, d, c), f3 = addFace(c, d, a);
        linkSimplex(f0, f1, f2, f3);
        Arrays.fill(outsideNext, -1);
        for (int i = 0; i < n; i++) {
            if (i == a || i == b || i == c || i == d) continue;
            for (int f = f0; f <= f3; f++) {
                if (above(f, i) > 0) {
                    pushOutside(f, i);
                    break;
                }
            }
        }
        for (int f = 0; f < faceCount; f++) { // faces appended during the loop are visited too
            if (alive[f] && outsideHead[f] >= 0) addFarthestPoint(f);
        }
    }

    /**
     * Four points spanning a tetrahedron, the fourth below the plane of the first three: the lexicographically
     * smallest point, the point farthest from it, the point farthest from their line, and the point farthest
     * from their plane.
     */
    private int[] initialSimplex(int n) {
        if (n < 4) throw new IllegalArgumentException("a 3D convex hull needs at least 4 points, got " + n);
        int a = 0;
        for (int i = 1; i < n; i++) {
            if (compare(i, a) < 0) a = i;
        }
        int b = -1;
        long best = 0;
        for (int i = 0; i < n; i++) {
            long dx = p[3 * i] - p[3 * a], dy = p[3 * i + 1] - p[3 * a + 1], dz = p[3 * i + 2] - p[3 * a + 2];
            long d2 = dx * dx + dy * dy + dz * dz;
            if (d2 > best) { best = d2; b = i; }
        }
        if (b < 0) throw new IllegalArgumentException("convex hull of identical points");
        int c = -1;
        double bestArea = 0;
        long ux = p[3 * b] - p[3 * a], uy = p[3 * b + 1] - p[3 * a + 1], uz = p[3 * b + 2] - p[3 * a + 2];
        for (int i = 0; i < n; i++) {
            long vx = p[3 * i] - p[3 * a], vy = p[3 * i + 1] - p[3 * a + 1], vz = p[3 * i + 2] - p[3 * a + 2];
            long cx = uy * vz - uz * vy, cy = uz * vx - ux * vz, cz = ux * vy - uy * vx;
            if (cx == 0 && cy == 0 && cz == 0) continue; // exactly collinear
            double area = (double) cx * cx + (double) cy * cy + (double) cz * cz;
            if (area > bestArea) { bestArea = area; c = i; }
        }
        if (c < 0) throw new IllegalArgumentException("convex hull of collinear points");
        int d = -1;
        long bestVolume = 0;
        for (int i = 0; i < n; i++) {
            long o = Math.abs(orient(a, b, c, i));
            if (o > bestVolume) { bestVolume = o; d = i; }
        }
        if (d < 0) throw new IllegalArgumentException("convex hull of coplanar points");
        return orient(a, b, c, d) > 0 ? new int[] {a, c, b, d} : new int[] {a, b, c, d};
    }

    private int compare(int i, int j) {
        for (int k = 0; k < 3; k++) {
            int cmp = Integer.compare(p[3 * i + k], p[3 * j + k]);
            if (cmp != 0) return cmp;
        }
        return 0;
    }

    /** ((b−a)×(c−a))·(d−a): positive if d lies above the counter-clockwise triangle (a, b, c). Exact. */
    private long orient(int a, int b, int c, int d) {
        long ax = p[3 * a], ay = p[3 * a + 1], az = p[3 * a + 2];
        long ux = p[3 * b] - ax, uy = p[3 * b + 1] - ay, uz = p[3 * b + 2] - az;
        long vx = p[3 * c] - ax, vy = p[3 * c + 1] - ay, vz = p[3 * c + 2] - az;
        long wx = p[3 * d] - ax, wy = p[3 * d + 1] - ay, wz = p[3 * d + 2] - az;
        return (uy * vz - uz * vy) * wx + (uz * vx - ux * vz) * wy + (ux * vy - uy * vx) * wz;
    }

    /** Signed, unnormalised height of point {@code i} above the plane of face {@code f}. Exact. */
    private long above(int f, int i) {
        return plane[4 * f] * p[3 * i] + plane[4 * f + 1] * p[3 * i + 1] + plane[4 * f + 2] * p[3 * i + 2] - plane[4 * f + 3];
    }

    private int addFace(int a, int b, int c) {
        int f = faceCount++;
        if (f == alive.length) grow();
        vertex[3 * f] = a;
        vertex[3 * f + 1] = b;
        vertex[3 * f + 2] = c;
        long ax = p[3 * a], ay = p[3 * a + 1], az = p[3 * a + 2];
        long ux = p[3 * b] - ax, uy = p[3 * b + 1] - ay, uz = p[3 * b + 2] - az;
        long vx = p[3 * c] - ax, vy = p[3 * c + 1] - ay, vz = p[3 * c + 2] - az;
        long nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
        if (nx == 0 && ny == 0 && nz == 0) throw new IllegalStateException("degenerate hull face");
        plane[4 * f] = nx;
        plane[4 * f + 1] = ny;
        plane[4 * f + 2] = nz;
        plane[4 * f + 3] = nx * ax + ny * ay + nz * az;
        alive[f] = true;
        outsideHead[f] = -1;
        visibleStamp[f] = 0;
        return f;
    }

    private void grow() {
        int capacity = alive.length * 2;
        vertex = Arrays.copyOf(vertex, 3 * capacity);
        neighbour = Arrays.copyOf(neighbour, 3 * capacity);
        plane = Arrays.copyOf(plane, 4 * capacity);
        alive = Arrays.copyOf(alive, capacity);
        outsideHead = Arrays.copyOf(outsideHead, capacity);
        visibleStamp = Arrays.copyOf(visibleStamp, capacity);
    }

    private void pushOutside(int f, int i) {
        outsideNext[i] = outsideHead[f];
        outsideHead[f] = i;
    }

    /** Sets each simplex face's neighbours by finding the face that holds the reversed edge. */
    private void linkSimplex(int... faces) {
        for (int f : faces) {
            for (int k = 0; k < 3; k++) {
                int u = vertex[3 * f + k], v = vertex[3 * f + (k + 1) % 3];
                neighbour[3 * f + k] = -1;
                for (int g : faces) {
                    if (g != f && edgeIndex(g, v, u) >= 0) neighbour[3 * f + k] = g;
                }
            }
        }
    }

    /** k such that face g has the directed edge (u → v) as its k-th edge, or −1. */
    private int edgeIndex(int g, int u, int v) {
        for (int k = 0; k < 3; k++) {
            if (vertex[3 * g + k] == u && vertex[3 * g + (k + 1) % 3] == v) return k;
        }
        return -1;
    }

    /**
     * One Quickhull step: the point of {@code face}'s outside set farthest from its plane (a hull vertex) is
     * added; the faces it sees strictly are replaced by a cone of new faces from the horizon to the point, and
     * the outside points of the removed faces are handed to the new faces (or dropped when inside).
     */
    private void addFarthestPoint(int face) {
        int eye = -1;
        long farthest = 0;
        for (int i = outsideHead[face]; i >= 0; i = outsideNext[i]) {
            long h = above(face, i);
            if (h > farthest) { farthest = h; eye = i; }
        }
        int visible = ++stamp;
        // depth-first search over faces strictly visible from the eye; collect horizon edges
        IntStack stack = new IntStack();
        IntStack horizon = new IntStack(); // pairs (face, edge k)
        IntStack removed = new IntStack();
        visibleStamp[face] = visible;
        stack.push(face);
        while (stack.size() > 0) {
            int f = stack.pop();
            removed.push(f);
            for (int k = 0; k < 3; k++) {
                int g = neighbour[3 * f + k];
                if (visibleStamp[g] == visible) continue;
                if (visibleStamp[g] != -visible && above(g, eye) > 0) {
                    visibleStamp[g] = visible;
                    stack.push(g);
                } else {
                    visibleStamp[g] = -visible; // seen, not visible
                    horizon.push(f);
                    horizon.push(k);
                }
            }
        }
        // orphaned outside points of the removed faces
        IntStack orphans = new IntStack();
        for (int r = 0; r < removed.size(); r++) {
            int f = removed.get(r);
            alive[f] = false;
            for (int i = outsideHead[f]; i >= 0; i = outsideNext[i]) {
                if (i != eye) orphans.push(i);
            }
            outsideHead[f] = -1;
        }
        // a cone of new faces (u, v, eye), one per horizon edge u → v
        int firstNew = faceCount;
        for (int h = 0; h < horizon.size(); h += 2) {
            int f = horizon.get(h), k = horizon.get(h + 1);
            int u = vertex[3 * f + k], v = vertex[3 * f + (k + 1) % 3];
            int g = neighbour[3 * f + k];
            int created = addFace(u, v, eye);
            neighbour[3 * created] = g;
            neighbour[3 * g + edgeIndex(g, v, u)] = created;
            if (horizonStamp[u] == visible) throw new IllegalStateException("convex hull horizon is not a simple cycle");
            horizonStamp[u] = visible;
            newFaceFrom[u] = created;
            newFaceTo[v] = created;
        }
        for (int created = firstNew; created < faceCount; created++) {
            int u = vertex[3 * created], v = vertex[3 * created + 1];
            neighbour[3 * created + 1] = newFaceFrom[v]; // edge v → eye borders the new face leaving v
            neighbour[3 * created + 2] = newFaceTo[u]; // edge eye → u borders the new face arriving at u
        }
        for (int o = 0; o < orphans.size(); o++) {
            int i = orphans.get(o);
            for (int f = firstNew; f < faceCount; f++) {
                if (above(f, i) > 0) {
                    pushOutside(f, i);
                    break;
                }
            }
        }
    }

    private int[] aliveFaces() {
        int count = 0;
        for (int f = 0; f < faceCount; f++) if (alive[f]) count++;
        int[] faces = new int[3 * count];
        for (int f = 0, j = 0; f < faceCount; f++) {
            if (!alive[f]) continue;
            faces[j++] = vertex[3 * f];
            faces[j++] = vertex[3 * f + 1];
            faces[j++] = vertex[3 * f + 2];
        }
        return faces;
    }

    /** A growable stack of ints. */
    private static final class IntStack {
        private int[] values = new int[16];
        private int size;

        void push(int v) {
            if (size == values.length) values = Arrays.copyOf(values, size * 2);
            values[size++] = v;
        }

        int pop() { return values[--size]; }

        int get(int i) { return values[i]; }

        int size() { return size; }
    }
}
