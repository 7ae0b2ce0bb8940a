package org.radiome.features.gldzm;

/**
 * The GLDZM distance map (IBSI VMDZ): for each voxel of a mask, its distance to the mask's edge in
 * 6-connectivity (3D) or 4-connectivity within its axial slice (2D), a voxel on the edge having
 * distance 1. Voxels outside the mask and outside the box count as non-ROI.
 *
 * <p>IBSI computes it by repeated erosion with the 6- (4-) connected structure element, adding 1 to
 * every surviving voxel. A voxel survives k erosions exactly when all voxels within Manhattan distance k
 * are in the mask, so its value is its Manhattan distance to the nearest non-ROI voxel. A shortest
 * Manhattan path from a voxel to its nearest non-ROI voxel runs through mask voxels only, so a
 * breadth-first search inside the mask, started from the edge voxels at distance 1, gives the same map
 * in one pass. Stateless and thread-safe.
 */
final class EdgeDistance {
    private EdgeDistance() {}

    /**
     * The distance map over the box: 0 outside the mask, 1 … on it.
     *
     * @param threeD 6-connected distances in the volume, or 4-connected distances within each slice
     */
    static int[] compute(boolean[] mask, int nx, int ny, int nz, boolean threeD) {
        int n = nx * ny * nz;
        int plane = nx * ny;
        int[] distance = new int[n];
        int[] queue = new int[n];
        int tail = 0;
        for (int z = 0, i = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++, i++) {
                    if (!mask[i]) continue;
                    boolean edge = x == 0 || x == nx - 1 || y == 0 || y == ny - 1
                            || !mask[i - 1] || !mask[i + 1] || !mask[i - nx] || !mask[i + nx];
                    if (threeD && !edge) edge = z == 0 || z == nz - 1 || !mask[i - plane] || !mask[i + plane];
                    if (edge) {
                        distance[i] = 1;
                        queue[tail++] = i;
                    }
                }
            }
        }
        for (int head = 0; head < tail; head++) {
            int v = queue[head];
            int next = distance[v] + 1;
            // Breadth-first order: a voxel is reached first along a shortest path from the edge.
            int z = v / plane;
            int inPlane = v - z * plane;
            int y = inPlane / nx;
            int x = inPlane - y * nx;
            if (x > 0) tail = visit(v - 1, next, mask, distance, queue, tail);
            if (x < nx - 1) tail = visit(v + 1, next, mask, distance, queue, tail);
            if (y > 0) tail = visit(v - nx, next, mask, distance, queue, tail);
            if (y < ny - 1) tail = visit(v + nx, next, mask, distance, queue, tail);
            if (threeD) {
                if (z > 0) tail = visit(v - plane, next, mask, distance, queue, tail);
                if (z < nz - 1) tail = visit(v + plane, next, mask, distance, queue, tail);
            }
        }
        return distance;
    }

    private static int visit(int u, int d, boolean[] mask, int[] distance, int[] queue, int tail) {
        if (!mask[u] || distance[u] != 0) return tail;
        distance[u] = d;
        queue[tail] = u;
        return tail + 1;
    }
}
