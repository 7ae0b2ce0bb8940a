package org.radiome.features;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.radiome.features.texture.TextureAggregation;
import org.radiome.features.texture.TextureDimension;

/**
 * Ordered feature values of one ROI, keyed by full IBSI tag (with aggregation suffix for texture
 * features). Each entry also carries the IBSI feature and aggregation identifiers.
 *
 * <p>Not thread-safe: each family fills its own instance, and the engine merges them with
 * {@link #addAll}.
 */
public final class FeatureSet {
    /** IBSI identifier of features computed over the whole 3D volume (no texture aggregation). */
    public static final String VOLUME_AGGREGATION_CODE = "DHQ4";

    /** One value with its identifiers. */
    public record Entry(String tag, String ibsiCode, String aggregationCode, double value) {}

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** Adds a feature computed on the whole volume (morphology, statistics, histogram, …). */
    public void add(FeatureDefinition feature, double value) {
        put(new Entry(feature.tag(), feature.ibsiCode(), VOLUME_AGGREGATION_CODE, value));
    }

    /** Adds a GLCM/GLRLM feature under an averaged or merged aggregation. */
    public void add(FeatureDefinition feature, TextureAggregation aggregation, double value) {
        put(new Entry(feature.tag() + aggregation.suffix(), feature.ibsiCode(), aggregation.ibsiCode(), value));
    }

    /** Adds a GLSZM/GLDZM/NGTDM/NGLDM feature computed in 2D, 2.5D or 3D. */
    public void add(FeatureDefinition feature, TextureDimension dimension, double value) {
        put(new Entry(feature.tag() + dimension.suffix(), feature.ibsiCode(), dimension.ibsiCode(), value));
    }

    /** Adds a value without IBSI identifiers (diagnostics). */
    public void addUnidentified(String tag, double value) {
        put(new Entry(tag, "", "", value));
    }

    public void addAll(FeatureSet other) {
        for (Entry e : other.entries.values()) put(e);
    }

    private void put(Entry e) {
        Objects.requireNonNull(e.tag());
        if (entries.putIfAbsent(e.tag(), e) != null) {
            throw new IllegalStateException("feature " + e.tag() + " computed twice");
        }
    }

    /** The value of {@code tag}; throws if absent. */
    public double get(String tag) {
        Entry e = entries.get(tag);
        if (e == null) throw new IllegalArgumentException("no feature " + tag);
        return e.value();
    }

    public boolean contains(String tag) { return entries.containsKey(tag); }

    /** Entries in insertion order. */
    public Map<String, Entry> entries() { return Collections.unmodifiableMap(entries); }

    public int size() { return entries.size(); }
}
