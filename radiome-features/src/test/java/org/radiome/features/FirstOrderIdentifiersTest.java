package org.radiome.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.radiome.features.histogram.IntensityHistogram;
import org.radiome.features.ivh.IntensityVolumeHistogram;
import org.radiome.features.local.LocalIntensity;
import org.radiome.features.statistics.IntensityStatistics;

/** Every first-order feature's (tag, IBSI code) appears in {@code ibsi_1_feature_identifiers.csv}. */
class FirstOrderIdentifiersTest {
    private static Set<String> knownPairs() throws IOException {
        List<String> lines = Files.readAllLines(IbsiReference.data("ibsi-1/reference-values/ibsi_1_feature_identifiers.csv"));
        List<String> header = IbsiReference.splitCsv(lines.get(0));
        int tag = header.indexOf("base_tag"), code = header.indexOf("ibsi_feature_id");
        Set<String> pairs = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            List<String> c = IbsiReference.splitCsv(line);
            pairs.add(c.get(tag) + "|" + c.get(code));
        }
        return pairs;
    }

    static Stream<FeatureDefinition> features() {
        return Stream.of(LocalIntensity.Feature.values(), IntensityStatistics.Feature.values(),
                IntensityHistogram.Feature.values(), IntensityVolumeHistogram.Feature.values()).flatMap(Stream::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("features")
    void tag_and_code_are_in_the_identifier_table(FeatureDefinition feature) throws IOException {
        assertThat(knownPairs())
                .as("(%s, %s) in ibsi_1_feature_identifiers.csv", feature.tag(), feature.ibsiCode())
                .contains(feature.tag() + "|" + feature.ibsiCode());
    }
}
