package org.radiome.image.io;

/**
 * The scalar voxel types our NIfTI and NRRD readers decode. Complex, RGB, 128-bit and bit-packed
 * types are not listed: the readers reject them with an "unsupported datatype" error.
 */
public enum PixelType {
    INT8(1, true), UINT8(1, true),
    INT16(2, true), UINT16(2, true),
    INT32(4, true), UINT32(4, true),
    INT64(8, true), UINT64(8, true),
    FLOAT32(4, false), FLOAT64(8, false);

    private final int bytes;
    private final boolean integer;

    PixelType(int bytes, boolean integer) {
        this.bytes = bytes;
        this.integer = integer;
    }

    /** Bytes per voxel. */
    public int bytes() { return bytes; }

    /** True for the eight integer types. */
    public boolean isInteger() { return integer; }
}
