package org.radiome.features.texture;

import java.util.Arrays;
import java.util.Objects;

import org.radiome.features.discretisation.GreyLevels;

/**
 * Finds zones, the groups of linked voxels with equal grey level that GLSZM (IBSI 9SAK) and GLDZM
 * (IBSI VMDZ) count. Voxels are linked at Chebyshev distance 1: 26-connectivity in 3D, 8-connectivity
 * within an axial slice in 2D. Voxels outside the intensity mask (level 0) belong to no zone.
 *
 * <p>Labelling is an iterative flood fill over the flat level array with an explicit {@code int} stack.
 * An instance holds the work buffers of one computation: create one per thread (it is not
 * thread-safe); it never changes the {@link GreyLevels}.
 */
public final class ZoneLabeller {
    private final int nx, ny, nz;
    private final int[] levels;
    private final boolean[] visited;
    private final int[] stack;

    public ZoneLabeller(GreyLevels greyLevels) {
        Objects.requireNonNull(greyLevels, "greyLevels");
        this.nx = greyLevels.nx();
        this.ny = greyLevels.ny();
        this.nz = greyLevels.nz();
        this.levels = greyLevels.levels();
        this.visited = new boolean[levels.length];
        this.stack = new int[levels.length];
    }

    /**
     * Labels the zones of slices {@code zFrom} to {@code zTo} (exclusive) and adds one observation per
     * zone to {@code matrix}: its grey level and either its size in voxels ({@code voxelValues} null,
     * GLSZM) or the minimum of {@code voxelValues} over its voxels (GLDZM: zone distance). Also adds the
     * slab's ROI voxel count to N_v.
     *
     * @param threeD 26-connected zones across the slab, or (false) 8-connected zones within one slice
     * @param voxelValues null, or one positive value per voxel of the box for every ROI voxel
     */
    public void addZones(int zFrom, int zTo, boolean threeD, int[] voxelValues, LevelCountMatrix.Builder matrix) {
        if (zFrom < 0 || zTo > nz || zFrom >= zTo) throw new IllegalArgumentException("slices " + zFrom + ".." + zTo + " outside 0.." + nz);
        if (!threeD && zTo - zFrom != 1) throw new IllegalArgumentException("2D zones are found one slice at a time");
        if (voxelValues != null && voxelValues.length != levels.length) throw new IllegalArgumentException("voxel values do not fill the box");
        int plane = nx * ny;
        int from = zFrom * plane;
        int to = zTo * plane;
        Arrays.fill(visited, from, to, false);
        long voxels = 0;
        for (int start = from; start < to; start++) {
            int level = levels[start];
            if (level == 0 || visited[start]) continue;
            visited[start] = true;
            stack[0] = start;
            int top = 1;
            int size = 0;
            int minValue = Integer.MAX_VALUE;
            while (top > 0) {
                int v = stack[--top];
                size++;
                if (voxelValues != null && voxelValues[v] < minValue) minValue = voxelValues[v];
                int z = v / plane;
                int inPlane = v - z * plane;
                int y = inPlane / nx;
                int x = inPlane - y * nx;
                int zLo = threeD ? Math.max(z - 1, zFrom) : z;
                int zHi = threeD ? Math.min(z + 1, zTo - 1) : z;
                int yLo = Math.max(y - 1, 0), yHi = Math.min(y + 1, ny - 1);
                int xLo = Math.max(x - 1, 0), xHi = Math.min(x + 1, nx - 1);
                for (int zz = zLo; zz <= zHi; zz++) {
                    for (int yy = yLo; yy <= yHi; yy++) {
                        int u = xLo + nx * (yy + ny * zz);
                        for (int xx = xLo; xx <= xHi; xx++, u++) {
                            if (!visited[u] && levels[u] == level) {
                                visited[u] = true;
                                stack[top++] = u;
                            }
                        }
                    }
                }
            }
            voxels += size;
            matrix.add(level, voxelValues == null ? size : minValue);
        }
        matrix.addVoxels(voxels);
    }
}
