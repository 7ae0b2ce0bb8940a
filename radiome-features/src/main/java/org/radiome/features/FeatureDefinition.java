package org.radiome.features;

/**
 * One IBSI feature: its tag as in the IBSI reference tables (without aggregation suffix, e.g.
 * {@code cm_joint_max}) and its four-character IBSI identifier (e.g. {@code GYBY}). Each family
 * lists its features as an enum implementing this interface.
 */
public interface FeatureDefinition {
    String tag();

    String ibsiCode();
}
