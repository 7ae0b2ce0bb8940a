package org.radiome.features.discretisation;

import java.util.Objects;

/**
 * A discretised ROI: integer grey levels 1…{@code levelCount} inside the intensity mask, 0 outside,
 * over the same box as the {@link org.radiome.features.RoiImage} it came from (x fastest).
 *
 * <p>{@code levelCount} is N_g in IBSI formulas: the number of bins of the discretisation (fixed bin
 * number), otherwise the highest level present in the ROI (fixed bin size, and no discretisation). With
 * these definitions the IBSI lung phantom configurations reproduce their reference values (A and C use
 * fixed bin size, B, D and E fixed bin number). Read-only, so thread-safe.
 */
public final class GreyLevels {
    private final int nx, ny, nz;
    private final int[] levels;
    private final int levelCount;

    public GreyLevels(int nx, int ny, int nz, int[] levels, int levelCount) {
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.levels = Objects.requireNonNull(levels, "levels");
        this.levelCount = levelCount;
        if (levels.length != nx * ny * nz) throw new IllegalArgumentException("levels do not fill the box");
        if (levelCount < 1) throw new IllegalArgumentException("level count must be positive, was " + levelCount);
    }

    public int nx() { return nx; }
    public int ny() { return ny; }
    public int nz() { return nz; }
    public int index(int x, int y, int z) { return x + nx * (y + ny * z); }

    /** Grey level per voxel: 1…levelCount inside the ROI, 0 outside. */
    public int[] levels() { return levels; }

    /** N_g: the number of grey levels. */
    public int levelCount() { return levelCount; }
}
