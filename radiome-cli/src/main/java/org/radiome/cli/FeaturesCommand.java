package org.radiome.cli;

import java.util.concurrent.Callable;

import org.radiome.features.FeatureCatalogue;

import picocli.CommandLine.Command;

/** {@code radiome features}: lists every feature with its IBSI identifiers. */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "Lists every feature Radiome computes: family, IBSI tag and IBSI code (tab-separated).")
final class FeaturesCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.out.println("family\ttag\tibsi_code");
        FeatureCatalogue.all().forEach(e -> System.out.println(e.family().prefix() + "\t" + e.feature().tag() + "\t" + e.feature().ibsiCode()));
        return 0;
    }
}
