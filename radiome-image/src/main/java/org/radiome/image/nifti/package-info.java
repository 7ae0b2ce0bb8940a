/**
 * Our NIfTI-1 and NIfTI-2 reader ({@link org.radiome.image.nifti.NiftiReader}), written against
 * {@code nifti1.h} and {@code nifti2.h}; see {@link org.radiome.image.io} for why we do not use a library.
 */
package org.radiome.image.nifti;
