"""Reference meshes for MarchingCubesTest, from scikit-image's marching cubes (Lewiner et al. 2003).

Writes skimage_marching_cubes.csv: one row per binary mask, meshed as the IBSI teams did (mask padded by one
background voxel, level 0.5, voxel spacing), with the face count, the absolute mesh volume and the mesh area.
Masks: every one of the 255 non-empty corner configurations of a single cube (a 2x2x2 mask whose voxel
(x, y, z) is cube corner (x, y, z)), the smallest masks whose mesh has coincident, oppositely oriented face
pairs, and random masks. Columns: nx, ny, nz, sx, sy, sz (spacing), mask (0/1 per voxel, x fastest),
faces, volume, area.

Run with the scikit-image that produced the committed file (0.19.3, Debian's python3-skimage):
    python3 skimage_marching_cubes.py > skimage_marching_cubes.csv
"""
import numpy as np
from skimage.measure import marching_cubes

CORNERS = [(0, 0, 0), (1, 0, 0), (1, 1, 0), (0, 1, 0), (0, 0, 1), (1, 0, 1), (1, 1, 1), (0, 1, 1)]


def row(mask_zyx, spacing_xyz):
    nz, ny, nx = mask_zyx.shape
    sx, sy, sz = spacing_xyz
    v, f, _, _ = marching_cubes(np.pad(mask_zyx.astype(np.float32), 1), level=0.5, spacing=(sz, sy, sx))
    a, b, c = v[f[:, 0]].astype(np.float64), v[f[:, 1]].astype(np.float64), v[f[:, 2]].astype(np.float64)
    volume = abs(np.sum(np.einsum('ij,ij->i', a, np.cross(b, c))) / 6.0)
    area = np.sum(np.linalg.norm(np.cross(b - a, c - a), axis=1)) / 2.0
    bits = ''.join('1' if x else '0' for x in mask_zyx.ravel())
    return '%d,%d,%d,%r,%r,%r,%s,%d,%r,%r' % (nx, ny, nz, sx, sy, sz, bits, len(f), volume, area)


def main():
    print('nx,ny,nz,sx,sy,sz,mask,faces,volume,area')
    for config in range(1, 256):
        m = np.zeros((2, 2, 2), bool)
        for k, (x, y, z) in enumerate(CORNERS):
            m[z, y, x] = (config >> k) & 1
        print(row(m, (1.0, 1.0, 1.0)))
    # 2x2x3 masks of 4 voxels whose meshes hold coincident opposite face pairs (found by exhaustive search)
    for bits in (149, 660, 1066):
        m = np.array([(bits >> i) & 1 for i in range(12)], bool).reshape(2, 2, 3)
        print(row(m, (1.0, 1.0, 1.0)))
    rng = np.random.default_rng(20240601)
    for _ in range(150):
        shape = rng.integers(1, 7, 3)
        m = rng.random(shape) < rng.uniform(0.2, 0.8)
        if not m.any():
            continue
        spacing = (1.0, 1.0, 1.0) if rng.random() < 0.5 else tuple(float(s) for s in rng.choice([0.5, 0.977, 2.0, 3.0], 3))
        print(row(m, spacing))


if __name__ == '__main__':
    main()
