package org.radiome.engine.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

/**
 * A batch manifest: a CSV file (RFC 4180, UTF-8) with a header row naming the columns
 * {@code case_id}, {@code image} and {@code mask}, optionally {@code roi} and {@code series}, and any
 * other columns, which are passed through to the feature table. Relative image and mask paths
 * resolve against the manifest's folder. Blank lines are skipped. Each (case_id, roi, series)
 * combination may appear once, so every output row is identified.
 *
 * @param file               the manifest file
 * @param passthroughColumns the other columns, in header order
 * @param cases              the rows, in file order
 */
public record Manifest(Path file, List<String> passthroughColumns, List<CaseTask> cases) {
    public static final String CASE_ID = "case_id", IMAGE = "image", MASK = "mask", ROI = "roi", SERIES = "series";

    public Manifest {
        passthroughColumns = List.copyOf(passthroughColumns);
        cases = List.copyOf(cases);
    }

    /** Reads and checks a manifest; the CSV parsing is Jackson's (quoted fields, embedded commas and quotes). */
    public static Manifest read(Path file) throws ManifestException {
        Path folder = file.toAbsolutePath().getParent();
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY).enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        List<String> header = null;
        Map<String, Integer> column = new HashMap<>();
        List<String> passthrough = new ArrayList<>();
        List<Integer> passthroughIndex = new ArrayList<>();
        List<CaseTask> cases = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (MappingIterator<List<String>> rows = mapper.readerForListOf(String.class).readValues(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            while (rows.hasNextValue()) {
                long line = rows.getCurrentLocation().getLineNr();
                List<String> row = rows.nextValue();
                if (header == null) {
                    header = row;
                    readHeader(file, header, column, passthrough, passthroughIndex);
                    continue;
                }
                if (row.size() != header.size()) {
                    throw new ManifestException(file, line, row.size() + " fields, but the header has " + header.size());
                }
                CaseTask task = task(file, line, folder, cases.size(), row, column, passthroughIndex);
                String key = task.caseId() + "\u0000" + task.roi() + "\u0000" + task.series();
                if (!seen.add(key)) {
                    throw new ManifestException(file, line, "case " + task.caseId()
                            + (task.roi() == null ? "" : " ROI " + task.roi()) + " appears twice");
                }
                cases.add(task);
            }
        } catch (NoSuchFileException e) {
            throw new ManifestException(file, "no such file");
        } catch (IOException | RuntimeException e) {
            throw new ManifestException(file, "not a readable CSV manifest: " + firstLine(e.getMessage()));
        }
        if (header == null) throw new ManifestException(file, "empty; expected a header row with case_id,image,mask");
        return new Manifest(file, passthrough, cases);
    }

    private static void readHeader(Path file, List<String> header, Map<String, Integer> column,
            List<String> passthrough, List<Integer> passthroughIndex) throws ManifestException {
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (i == 0 && name.startsWith("\uFEFF")) name = name.substring(1);
            if (name.isEmpty()) throw new ManifestException(file, 1, "column " + (i + 1) + " has no name");
            if (column.put(name, i) != null) throw new ManifestException(file, 1, "column " + name + " appears twice");
            switch (name) {
                case CASE_ID, IMAGE, MASK, ROI, SERIES -> { }
                default -> { passthrough.add(name); passthroughIndex.add(i); }
            }
        }
        for (String required : List.of(CASE_ID, IMAGE, MASK)) {
            if (!column.containsKey(required)) {
                throw new ManifestException(file, 1, "no " + required + " column; the header must name case_id, image and mask");
            }
        }
    }

    private static CaseTask task(Path file, long line, Path folder, int index, List<String> row,
            Map<String, Integer> column, List<Integer> passthroughIndex) throws ManifestException {
        String caseId = row.get(column.get(CASE_ID)).strip();
        if (caseId.isEmpty()) throw new ManifestException(file, line, "empty case_id");
        Path image = path(file, line, folder, caseId, IMAGE, row.get(column.get(IMAGE)));
        Path mask = path(file, line, folder, caseId, MASK, row.get(column.get(MASK)));
        String roi = optional(row, column.get(ROI));
        String series = optional(row, column.get(SERIES));
        List<String> pass = new ArrayList<>(passthroughIndex.size());
        for (int i : passthroughIndex) pass.add(row.get(i));
        return new CaseTask(index, caseId, image, mask, roi, series, pass);
    }

    private static Path path(Path file, long line, Path folder, String caseId, String columnName, String value)
            throws ManifestException {
        String v = value.strip();
        if (v.isEmpty()) throw new ManifestException(file, line, "case " + caseId + ": empty " + columnName);
        try {
            Path p = Path.of(v);
            return (p.isAbsolute() || folder == null ? p : folder.resolve(p)).normalize();
        } catch (InvalidPathException e) {
            throw new ManifestException(file, line, "case " + caseId + ": " + columnName + " is not a valid path: " + v);
        }
    }

    private static String optional(List<String> row, Integer index) {
        if (index == null) return null;
        String v = row.get(index).strip();
        return v.isEmpty() ? null : v;
    }

    private static String firstLine(String s) {
        if (s == null) return "unknown problem";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
