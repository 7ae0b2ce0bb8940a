package org.radiome.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Manifests, label maps and table reading for the batch tests. */
final class BatchFixtures {
    private BatchFixtures() {}

    static final String PHANTOM_IMAGE = "data/ibsi-1/digital-phantom/nifti/image/phantom.nii.gz";
    static final String PHANTOM_MASK = "data/ibsi-1/digital-phantom/nifti/mask/mask.nii.gz";
    static final String BRAIN_IMAGE = "data/pyradiomics/brain1_image.nrrd";
    static final String BRAIN_LABEL = "data/pyradiomics/brain1_label.nrrd";
    static final String ELLIPSOID_LABEL = "data/bench/brain1_ellipsoid_label.nrrd";

    static Path write(Path file, String... lines) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.writeString(file, String.join("\n", lines) + "\n");
    }

    /**
     * Writes an NRRD label map with the geometry of {@code like} (an NRRD file with an inline,
     * gzip-encoded int32 body, as PyRadiomics' label files are): its header with raw encoding, then
     * the labels as little-endian int32.
     */
    static void writeLabels(Path file, Path like, int[] labels) throws IOException {
        byte[] bytes = Files.readAllBytes(like);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        String header = text.substring(0, text.indexOf("\n\n") + 2);
        if (!header.contains("type: int\n") || !header.contains("encoding: gzip\n")) throw new IllegalStateException(like + ": unexpected header");
        header = header.replace("encoding: gzip\n", "encoding: raw\n");
        ByteBuffer body = ByteBuffer.allocate(labels.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int l : labels) body.putInt(l);
        Files.write(file, concat(header.getBytes(StandardCharsets.ISO_8859_1), body.array()));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** A CSV table as rows of column to cell (RFC 4180 quotes resolved). */
    static List<Map<String, String>> readTable(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = split(lines.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = split(line);
            if (cells.size() != header.size()) throw new IllegalStateException("ragged row: " + line);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) row.put(header.get(i), cells.get(i));
            rows.add(row);
        }
        return rows;
    }

    static List<String> split(String line) {
        return org.radiome.features.compliance.ReferenceTable.splitCsv(line);
    }

    /** The Java command line that runs {@code radiome} from the test classpath in a new process. */
    static List<String> radiomeProcess(String... args) {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath, "org.radiome.cli.Radiome"));
        command.addAll(List.of(args));
        return command;
    }

    /** Parses a feature cell as the tables print numbers. */
    static double number(String cell) {
        return switch (cell) {
            case "NaN" -> Double.NaN;
            case "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(cell);
        };
    }
}
