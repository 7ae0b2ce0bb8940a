package org.radiome.features.morphology;

/**
 * A closed triangle mesh whose vertices lie on the half-voxel lattice of an ROI box (IBSI WRJH, the
 * mesh-based representation of the ROI surface).
 *
 * <p>Vertices are stored in <em>doubled voxel units</em>: vertex {@code v} has integer coordinates
 * {@code (vertices[3v], vertices[3v+1], vertices[3v+2])}, and its world position relative to the centre of
 * voxel (0,0,0) is {@code (sx·X/2, sy·Y/2, sz·Z/2)}. Marching cubes on a binary mask at iso-level 0.5 puts
 * every vertex at the midpoint of a lattice edge or the centre of a lattice cube, so doubled coordinates are
 * exact integers; this lets the
 * volume and the convex hull be computed with exact integer arithmetic and scaled to millimetres only at the
 * end (scaling the axes is a linear map: it multiplies volumes by {@code sx·sy·sz} and keeps convex hulls
 * convex hulls).
 *
 * <p>Faces are vertex-index triples, counter-clockwise seen from outside the ROI (right-hand normals point
 * out of the ROI, into the background), so the signed volume of a closed ROI surface is positive. "Closed" means
 * that every directed edge is used by as many faces as its reverse, so the volume sum is exact; a
 * {@link MarchingCubes} mesh is a 2-manifold except where it holds pairs of coincident, oppositely oriented faces
 * (see there).
 *
 * <p>Immutable by convention (arrays are shared, not copied; package-private), so thread-safe.
 */
final class Mesh {
    private final int[] vertices;
    private final int[] faces;

    Mesh(int[] vertices, int[] faces) {
        if (vertices.length % 3 != 0 || faces.length % 3 != 0) {
            throw new IllegalArgumentException("vertex and face arrays must hold triples");
        }
        this.vertices = vertices;
        this.faces = faces;
    }

    /** Doubled lattice coordinates, three per vertex. */
    int[] vertices() { return vertices; }

    /** Vertex indices, three per face. */
    int[] faces() { return faces; }

    int vertexCount() { return vertices.length / 3; }

    int faceCount() { return faces.length / 3; }

    /**
     * Signed volume in mm³ (IBSI RNU0 before the absolute value): the sum over faces of
     * {@code a·(b×c)/6}, the signed volume of the tetrahedron spanned by the face and the origin.
     * The triple products are summed exactly in {@code long} over doubled coordinates and scaled once by
     * {@code sx·sy·sz/8}. The origin is moved to the middle of the vertices' bounding box first (a closed
     * mesh's volume does not depend on it), which keeps the terms small; an overflow, which would need a
     * box of thousands of voxels per axis, throws {@link ArithmeticException} rather than go unnoticed.
     */
    double signedVolume(double sx, double sy, double sz) {
        int[] c = centre();
        long ox = c[0], oy = c[1], oz = c[2];
        long sum = 0; // 6 × 8 × volume in doubled units
        for (int f = 0; f < faces.length; f += 3) {
            int a = 3 * faces[f], b = 3 * faces[f + 1], d = 3 * faces[f + 2];
            long ax = vertices[a] - ox, ay = vertices[a + 1] - oy, az = vertices[a + 2] - oz;
            long bx = vertices[b] - ox, by = vertices[b + 1] - oy, bz = vertices[b + 2] - oz;
            long cx = vertices[d] - ox, cy = vertices[d + 1] - oy, cz = vertices[d + 2] - oz;
            sum = Math.addExact(sum, ax * (by * cz - bz * cy) + ay * (bz * cx - bx * cz) + az * (bx * cy - by * cx));
        }
        return sum * (sx * sy * sz) / 48.0;
    }

    /** Integer middle of the vertices' bounding box, in doubled units. */
    private int[] centre() {
        if (vertices.length == 0) return new int[3];
        int[] min = {vertices[0], vertices[1], vertices[2]};
        int[] max = min.clone();
        for (int i = 0; i < vertices.length; i += 3) {
            for (int k = 0; k < 3; k++) {
                min[k] = Math.min(min[k], vertices[i + k]);
                max[k] = Math.max(max[k], vertices[i + k]);
            }
        }
        return new int[] {(min[0] + max[0]) / 2, (min[1] + max[1]) / 2, (min[2] + max[2]) / 2};
    }

    /** Surface area in mm² (IBSI C0JK): the sum of {@code |ab × ac|/2} over faces, in world coordinates. */
    double area(double sx, double sy, double sz) {
        double hx = 0.5 * sx, hy = 0.5 * sy, hz = 0.5 * sz;
        double sum = 0;
        for (int f = 0; f < faces.length; f += 3) {
            int a = 3 * faces[f], b = 3 * faces[f + 1], c = 3 * faces[f + 2];
            double abx = (vertices[b] - vertices[a]) * hx;
            double aby = (vertices[b + 1] - vertices[a + 1]) * hy;
            double abz = (vertices[b + 2] - vertices[a + 2]) * hz;
            double acx = (vertices[c] - vertices[a]) * hx;
            double acy = (vertices[c + 1] - vertices[a + 1]) * hy;
            double acz = (vertices[c + 2] - vertices[a + 2]) * hz;
            double nx = aby * acz - abz * acy;
            double ny = abz * acx - abx * acz;
            double nz = abx * acy - aby * acx;
            sum += Math.sqrt(nx * nx + ny * ny + nz * nz);
        }
        return 0.5 * sum;
    }

    /**
     * True if every directed edge a→b occurs in exactly one face and its reverse b→a in exactly one other
     * face: the mesh is closed (every edge shared by two faces) and consistently oriented (IBSI's check for
     * a regular, closed mesh). Used by tests; O(F log F).
     */
    boolean isClosedAndConsistentlyOriented() {
        int n = faces.length;
        long[] directed = new long[n];
        long[] reversed = new long[n];
        for (int f = 0; f < n; f += 3) {
            for (int k = 0; k < 3; k++) {
                long a = faces[f + k], b = faces[f + (k + 1) % 3];
                if (a == b) return false;
                directed[f + k] = (a << 32) | b;
                reversed[f + k] = (b << 32) | a;
            }
        }
        java.util.Arrays.sort(directed);
        java.util.Arrays.sort(reversed);
        for (int i = 0; i < n; i++) {
            if (i > 0 && directed[i] == directed[i - 1]) return false; // a directed edge used twice
            if (directed[i] != reversed[i]) return false; // some edge lacks its reverse
        }
        return true;
    }
}
