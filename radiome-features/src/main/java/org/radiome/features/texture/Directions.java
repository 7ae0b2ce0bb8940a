package org.radiome.features.texture;

/**
 * Neighbour directions for texture matrices. IBSI counts each direction once (the opposite direction
 * is covered by symmetry or by walking both ways): 13 directions in 3D, 4 in 2D (in-plane).
 */
public final class Directions {
    private Directions() {}

    private static final int[][] THREE_D = {
        {1, 0, 0}, {0, 1, 0}, {1, 1, 0}, {1, -1, 0},
        {0, 0, 1}, {1, 0, 1}, {1, 0, -1}, {0, 1, 1}, {0, 1, -1},
        {1, 1, 1}, {1, 1, -1}, {1, -1, 1}, {1, -1, -1}
    };
    private static final int[][] TWO_D = {{1, 0, 0}, {0, 1, 0}, {1, 1, 0}, {1, -1, 0}};

    /** The 13 unique 3D directions as {dx, dy, dz}; a fresh copy. */
    public static int[][] threeD() { return copy(THREE_D); }

    /** The 4 unique in-plane directions as {dx, dy, 0}; a fresh copy. */
    public static int[][] twoD() { return copy(TWO_D); }

    private static int[][] copy(int[][] a) {
        int[][] out = new int[a.length][];
        for (int i = 0; i < a.length; i++) out[i] = a[i].clone();
        return out;
    }
}
