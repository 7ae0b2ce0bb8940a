package org.radiome.image.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Gzip decoding gives java.util.zip's bytes and errors with whichever decoder this JVM uses
 * (libdeflate on JDK 22+ with the library, else java.util.zip; see {@link GzipChecks}), and, since
 * Maven may run the tests on JDK 17 where libdeflate is never used, the libdeflate path is also
 * checked in a child JVM of the newest JDK 22+ installed, found as the {@code ./radiome} launcher
 * finds its runtime.
 */
class GzipDecodingTest {
    @TempDir
    Path dir;

    private GzipChecks checks() {
        return new GzipChecks(dir, Libdeflate.available());
    }

    static Stream<Path> bundledNiftiGz() {
        return GzipChecks.bundledNiftiGz().stream();
    }

    static Stream<Path> bundledNrrdGz() {
        return GzipChecks.bundledNrrdGz().stream();
    }

    @ParameterizedTest
    @MethodSource("bundledNiftiGz")
    void bundled_gzip_nifti_decodes_as_java_util_zip(Path file) {
        checks().wholeFileDecodesAsJavaUtilZip(file);
    }

    @ParameterizedTest
    @MethodSource("bundledNrrdGz")
    void bundled_gzip_nrrd_data_decode_as_java_util_zip(Path file) {
        checks().nrrdDataDecodeAsJavaUtilZip(file);
    }

    @Test
    void concatenated_and_empty_members_decode_as_java_util_zip() {
        checks().multiMemberAndEmptyMembers();
    }

    @Test
    void truncated_or_corrupt_gzip_names_the_file() {
        checks().corruptOrTruncatedDataNameTheFile();
    }

    @Test
    void libdeflate_decodes_as_java_util_zip_in_a_jdk_with_the_foreign_function_api() throws Exception {
        Child child = runChecks(List.of("--enable-native-access=ALL-UNNAMED"));
        if (child.exit == GzipChecks.UNAVAILABLE && child.output.contains("libdeflate not found")) {
            assumeTrue(false, "libdeflate (package libdeflate0) is not installed: libdeflate decoding not checked: " + child.output.strip());
        }
        assertThat(child.exit).as("%s:%n%s", child.command, child.output).isZero();
        assertThat(child.output).contains("gzip checks passed with libdeflate,").doesNotContain("WARNING");
    }

    /** Without native access, libdeflate is not tried, so the JVM prints no warning; java.util.zip decodes. */
    @Test
    void without_native_access_java_util_zip_decodes_and_nothing_is_printed() throws Exception {
        Child child = runChecks(List.of(), "--expect-java-util-zip");
        assertThat(child.exit).as("%s:%n%s", child.command, child.output).isZero();
        assertThat(child.output).contains("gzip checks passed with java.util.zip (native access is not enabled")
                .doesNotContain("WARNING");
    }

    private record Child(List<String> command, int exit, String output) {}

    /** {@link GzipChecks#main} in the newest JDK 22+ (the test is skipped when there is none). */
    private static Child runChecks(List<String> jvmOptions, String... args) throws Exception {
        Path java = newestJava(22);
        assumeTrue(java != null, "no JDK 22 or newer installed (RADIOME_JAVA, PATH, JAVA_HOME, /usr/lib/jvm): "
                + "libdeflate decoding not checked");
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dradiome.root=" + TestImages.data("").getParent(), "-cp", testClassPath(), GzipChecks.class.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(300, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        return new Child(command, child.exitValue(), output);
    }

    /** Surefire's test class path (its own JVM may see only a manifest jar). */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /**
     * The java of the newest JDK of at least {@code minimum}, looked for where the {@code ./radiome}
     * launcher looks: {@code RADIOME_JAVA}, {@code java} on the PATH, {@code JAVA_HOME},
     * {@code /usr/lib/jvm/*}; the version is the {@code JAVA_VERSION} of the JDK's release file.
     */
    static Path newestJava(int minimum) throws IOException {
        List<Path> candidates = new ArrayList<>();
        String radiomeJava = System.getenv("RADIOME_JAVA");
        if (radiomeJava != null && !radiomeJava.isBlank()) candidates.add(Path.of(radiomeJava));
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!d.isEmpty()) candidates.add(Path.of(d, "java"));
        }
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) candidates.add(Path.of(javaHome, "bin", "java"));
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> homes = Files.list(jvms)) {
                homes.sorted().forEach(h -> candidates.add(h.resolve("bin/java")));
            }
        }
        Path best = null;
        int bestFeature = minimum - 1;
        for (Path c : candidates) {
            if (!Files.isExecutable(c)) continue;
            int feature = feature(c.toRealPath());
            if (feature > bestFeature) {
                best = c;
                bestFeature = feature;
            }
        }
        return best;
    }

    /** The feature release from {@code JAVA_VERSION="25.0.3"} in the release file of the JDK that holds {@code java}; 0 if unknown. */
    private static int feature(Path java) throws IOException {
        Path release = java.getParent().getParent().resolve("release");
        if (!Files.isRegularFile(release)) return 0;
        Matcher m = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)").matcher(Files.readString(release, StandardCharsets.ISO_8859_1));
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
