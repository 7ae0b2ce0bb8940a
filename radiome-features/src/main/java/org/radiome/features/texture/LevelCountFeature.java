package org.radiome.features.texture;

/**
 * The features that GLSZM (IBSI 9SAK), GLDZM (IBSI VMDZ) and NGLDM (IBSI REK0) share: each is a function
 * of a matrix {@code s_ij} counting grey level {@code i} against a second, positive integer {@code j}
 * (zone size, zone distance or dependence count). IBSI lists them in this order in all three families;
 * {@link #ENERGY} exists only for NGLDM.
 *
 * <p>With {@code N_s = Σ s_ij}, {@code N_v} the voxel count, {@code s_i.} and {@code s_.j} the marginal
 * sums, and {@code p_ij = s_ij / N_s}:
 */
public enum LevelCountFeature {
    /** {@code (1/N_s) Σ_j s_.j / j²}. */
    SMALL_J_EMPHASIS,
    /** {@code (1/N_s) Σ_j j² s_.j}. */
    LARGE_J_EMPHASIS,
    /** {@code (1/N_s) Σ_i s_i. / i²}. */
    LOW_GREY_LEVEL_EMPHASIS,
    /** {@code (1/N_s) Σ_i i² s_i.}. */
    HIGH_GREY_LEVEL_EMPHASIS,
    /** {@code (1/N_s) Σ_ij s_ij / (i² j²)}. */
    SMALL_J_LOW_GREY_LEVEL_EMPHASIS,
    /** {@code (1/N_s) Σ_ij i² s_ij / j²}. */
    SMALL_J_HIGH_GREY_LEVEL_EMPHASIS,
    /** {@code (1/N_s) Σ_ij j² s_ij / i²}. */
    LARGE_J_LOW_GREY_LEVEL_EMPHASIS,
    /** {@code (1/N_s) Σ_ij i² j² s_ij}. */
    LARGE_J_HIGH_GREY_LEVEL_EMPHASIS,
    /** {@code (1/N_s) Σ_i s_i.²}. */
    GREY_LEVEL_NON_UNIFORMITY,
    /** {@code (1/N_s²) Σ_i s_i.²}. */
    GREY_LEVEL_NON_UNIFORMITY_NORMALISED,
    /** {@code (1/N_s) Σ_j s_.j²}. */
    J_NON_UNIFORMITY,
    /** {@code (1/N_s²) Σ_j s_.j²}. */
    J_NON_UNIFORMITY_NORMALISED,
    /** {@code N_s / N_v}. */
    PERCENTAGE,
    /** {@code Σ_ij (i − μ)² p_ij} with {@code μ = Σ_ij i p_ij}. */
    GREY_LEVEL_VARIANCE,
    /** {@code Σ_ij (j − μ)² p_ij} with {@code μ = Σ_ij j p_ij}. */
    J_VARIANCE,
    /** {@code −Σ_ij p_ij log₂ p_ij} over non-zero entries. */
    ENTROPY,
    /** {@code Σ_ij p_ij²} (NGLDM only). */
    ENERGY
}
