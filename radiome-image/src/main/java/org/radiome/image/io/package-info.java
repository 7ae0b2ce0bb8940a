/**
 * Reading images and label maps from files: {@link org.radiome.image.io.ImageFiles} picks the format by
 * file name and returns a {@link org.radiome.image.Volume} or {@link org.radiome.image.LabelMap}.
 *
 * <p>The NIfTI-1/NIfTI-2 ({@code org.radiome.image.nifti}) and NRRD ({@code org.radiome.image.nrrd})
 * readers are our own. No well-kept, small Java library reads both formats with correct geometry
 * (sform/qform precedence, qfac, RAS→LPS, NRRD spaces and detached headers), so we read them by hand
 * against the format definitions, cited in each reader. Every reader first produces a
 * {@link org.radiome.image.io.RawImage}: the voxels in the file's own pixel type, so that labels are
 * converted to integers exactly (an int32 label above 2<sup>24</sup> would lose precision through
 * {@code float}).
 *
 * <p>Every failure is an {@link org.radiome.image.io.ImageReadException} whose one-line message names
 * the file and the problem (missing file, bad magic, truncated or corrupt gzip data, truncated voxel
 * data, unsupported datatype, non-3D data); no raw I/O exception escapes these paths.
 */
package org.radiome.image.io;
