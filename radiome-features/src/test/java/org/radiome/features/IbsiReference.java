package org.radiome.features;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.radiome.features.compliance.ReferenceTable;

/** Where the repository's reference data lives, and the IBSI-1 reference tables. Test support only. */
public final class IbsiReference {
    private IbsiReference() {}

    /** The repository root (system property {@code radiome.root}, set by Surefire). */
    public static Path root() {
        String root = System.getProperty("radiome.root");
        Path p = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("data/ibsi-1"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("cannot find the repository's data/ folder");
        return p;
    }

    public static Path data(String relative) { return root().resolve("data").resolve(relative); }

    /** Rows of {@code ibsi_1_reference_values_<name>.csv}, e.g. {@code digital_phantom} or {@code config_A}. */
    public static List<ReferenceTable.Row> table(String name) {
        return ReferenceTable.read(data("ibsi-1/reference-values/ibsi_1_reference_values_" + name + ".csv"));
    }

    /** Rows of a table whose tag starts with {@code prefix} (e.g. {@code "cm_"}) and that have a value. */
    public static List<ReferenceTable.Row> rows(String name, String prefix) {
        return table(name).stream().filter(r -> r.tag().startsWith(prefix) && r.value() != null).toList();
    }
}
