package org.radiome.cli;

import picocli.CommandLine;

/** Version from the jar manifest (set by Maven), or "development" when run from classes. */
final class Version implements CommandLine.IVersionProvider {
    static String current() {
        String v = Radiome.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"radiome " + current()};
    }
}
