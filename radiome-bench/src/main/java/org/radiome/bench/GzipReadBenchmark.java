package org.radiome.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.radiome.image.io.ImageInput;
import org.radiome.image.io.ImageReadException;
import org.radiome.image.io.RawImage;
import org.radiome.image.nifti.NiftiReader;

/**
 * Reading the IBSI CT phantom image, a gzip NIfTI (3.9 MB, 9.8 MB of float32 voxels), with each gzip decoder:
 * libdeflate (JDK 22+, through the FFM API) and java.util.zip (zlib). Each decoder runs in its own fork, chosen by
 * the system property {@code radiome.gzip}; the file is in the page cache after warm-up. Run from the repository
 * root on JDK 22+, e.g. {@code /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -jar radiome-bench/target/benchmarks.jar
 * GzipReadBenchmark} (on JDK 17 the libdeflate fork fails: it is not available there).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class GzipReadBenchmark {
    @Param({"libdeflate", "zlib"})
    public String decoder;

    private Path image;

    @Setup(Level.Trial)
    public void setUp() {
        System.setProperty("radiome.gzip", decoder);
        String used = ImageInput.gzipDecoder();
        if (!used.startsWith(decoder.equals("zlib") ? "java.util.zip" : "libdeflate")) {
            throw new IllegalStateException("decoder " + decoder + " wanted, this JVM uses " + used);
        }
        image = FamilyBenchmark.BenchData.root().resolve("data/ibsi-1/ct-phantom/nifti/image/phantom.nii.gz");
    }

    @Benchmark
    public RawImage read() throws ImageReadException {
        return NiftiReader.read(image);
    }
}
