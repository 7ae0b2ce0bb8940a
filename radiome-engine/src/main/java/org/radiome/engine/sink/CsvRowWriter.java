package org.radiome.engine.sink;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Streams a CSV table row by row (RFC 4180 quoting where needed, {@code \n} line ends, UTF-8), so a
 * table of any length is written without being held in memory. Numbers use the same formatting as
 * {@link CsvFeatureWriter}: full double precision, {@code NaN}, {@code Inf}, {@code -Inf}.
 *
 * <p>Not thread-safe.
 */
public final class CsvRowWriter implements Closeable {
    private final BufferedWriter out;

    public CsvRowWriter(Path file) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    public void row(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.write(',');
            out.write(quote(cells.get(i)));
        }
        out.write('\n');
    }

    /** A feature value as the feature tables print it. */
    public static String number(double value) {
        return CsvFeatureWriter.format(value);
    }

    static String quote(String s) {
        return s.indexOf('\r') >= 0 ? '"' + s.replace("\"", "\"\"") + '"' : CsvFeatureWriter.quote(s);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
