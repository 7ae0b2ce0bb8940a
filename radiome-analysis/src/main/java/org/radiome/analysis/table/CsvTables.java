package org.radiome.analysis.table;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads cohort tables (comma-separated UTF-8, a header row, one row per case with a {@code case_id} column)
 * and joins them on {@code case_id}.
 *
 * <p>Fields may be quoted with {@code "} (a doubled quote inside is a literal quote); surrounding spaces
 * are trimmed; an empty field is a missing value.
 */
public final class CsvTables {
    private CsvTables() { }

    /** One input table: a file and the prefix put before every column name but {@code case_id} (may be empty). */
    public record Source(Path file, String prefix) {
        public Source {
            if (prefix == null) prefix = "";
        }

        /**
         * Parses {@code FILE.csv[:PREFIX]}. The part after the last colon is a prefix only if it is a plain
         * name (letters, digits, '_', '.', '-'), so Windows paths like {@code C:\data\x.csv} stay whole.
         */
        public static Source parse(String spec) {
            int colon = spec.lastIndexOf(':');
            if (colon > 0 && colon < spec.length()) {
                String tail = spec.substring(colon + 1);
                if (tail.matches("[A-Za-z0-9_.\\-]*") && !spec.substring(0, colon).isEmpty()) {
                    return new Source(Path.of(spec.substring(0, colon)), tail);
                }
            }
            return new Source(Path.of(spec), "");
        }
    }

    /** The joined table and what the join left out: {@code droppedRows} cases were in some table but not in all. */
    public record Joined(Table table, List<Input> inputs, int droppedRows) { }

    /**
     * Rows read from one input, how many of them had no partner in every other table, and the SHA-256 (hex) of the
     * file's bytes as read.
     */
    public record Input(String file, String prefix, int rows, int unmatched, String sha256) { }

    /** A table and the SHA-256 (hex) of the bytes it was read from: provenance without reading the file twice. */
    public record Read(Table table, String sha256) { }

    /** Reads one table with one row per case. */
    public static Table read(Path file, String prefix) {
        return read(file, prefix, false);
    }

    /** Reads one table; {@code repeatedCases} allows several rows per case (long format, e.g. test-retest). */
    public static Table read(Path file, String prefix, boolean repeatedCases) {
        return readWithChecksum(file, prefix, repeatedCases).table();
    }

    /** {@link #read(Path, String, boolean)}, with the SHA-256 of the bytes read, computed as they are read. */
    public static Read readWithChecksum(Path file, String prefix, boolean repeatedCases) {
        String name = file.toString();
        List<String> lines;
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every Java platform has SHA-256
        }
        // a decoder that reports malformed input, as Files.newBufferedReader's does
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new DigestInputStream(Files.newInputStream(file), digest),
                StandardCharsets.UTF_8.newDecoder()))) {
            lines = r.lines().toList();
        } catch (NoSuchFileException e) {
            throw new TableException(name + ": file not found");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new TableException(name + ": cannot read: " + e.getMessage());
        }
        return new Read(parse(lines, name, prefix, repeatedCases), HexFormat.of().formatHex(digest.digest()));
    }

    private static Table parse(List<String> lines, String name, String prefix, boolean repeatedCases) {
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) first++;
        if (first == lines.size()) throw new TableException(name + ": empty file, expected a header row with case_id");
        String headerLine = lines.get(first);
        if (headerLine.startsWith("\uFEFF")) headerLine = headerLine.substring(1);
        List<String> header = split(headerLine, name, first + 1);
        int key = header.indexOf(Table.CASE_ID);
        if (key < 0) throw new TableException(name + ": no case_id column in the header");
        Set<String> seen = new HashSet<>();
        for (String h : header) {
            if (h.isEmpty()) throw new TableException(name + ": empty column name in the header");
            if (!seen.add(h)) throw new TableException(name + ": column '" + h + "' appears twice in the header");
        }
        List<String> ids = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        List<Integer> lineNos = new ArrayList<>();
        Map<String, Integer> idLine = new HashMap<>();
        for (int i = first + 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            List<String> f = split(lines.get(i), name, i + 1);
            if (f.size() != header.size()) {
                throw new TableException(name + " line " + (i + 1) + ": " + f.size() + " fields, the header has " + header.size());
            }
            String id = f.get(key);
            if (id.isEmpty()) throw new TableException(name + " line " + (i + 1) + ": empty case_id");
            Integer before = idLine.put(id, i + 1);
            if (before != null && !repeatedCases) {
                throw new TableException(name + " line " + (i + 1) + ": case_id repeats line " + before + " (one row per case expected)");
            }
            ids.add(id);
            rows.add(f.toArray(String[]::new));
            lineNos.add(i + 1);
        }
        int[] lineArray = lineNos.stream().mapToInt(Integer::intValue).toArray();
        Map<String, Table.Column> columns = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
            if (c == key) continue;
            String[] values = new String[rows.size()];
            for (int r = 0; r < values.length; r++) values[r] = rows.get(r)[c];
            String colName = prefix + header.get(c);
            columns.put(colName, new Table.Column(colName, name, values, lineArray));
        }
        return new Table(ids, columns);
    }

    /** Reads every source and inner-joins them on case_id, in the first table's row order. */
    public static Joined readAndJoin(List<Source> sources) {
        return readAndJoin(sources, false);
    }

    /**
     * Reads every source and inner-joins them on case_id, in the first table's row order. With
     * {@code repeatedCases} the first table may hold several rows per case (each keeps its row); the
     * others must still hold one row per case.
     */
    public static Joined readAndJoin(List<Source> sources, boolean repeatedCases) {
        if (sources.isEmpty()) throw new TableException("no --data table given");
        List<Read> tables = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            Source s = sources.get(i);
            tables.add(readWithChecksum(s.file(), s.prefix(), repeatedCases && i == 0));
        }
        return join(tables, sources);
    }

    static Joined join(List<Read> reads, List<Source> sources) {
        List<Table> tables = reads.stream().map(Read::table).toList();
        Map<String, String> owner = new HashMap<>();
        for (Table t : tables) {
            for (String c : t.columnNames()) {
                String prev = owner.putIfAbsent(c, t.sourceOf(c));
                if (prev != null) {
                    throw new TableException("column '" + c + "' is in both " + prev + " and " + t.sourceOf(c)
                        + "; give one of them a prefix (--data FILE.csv:PREFIX)");
                }
            }
        }
        List<Set<String>> idSets = new ArrayList<>();
        for (Table t : tables) idSets.add(new HashSet<>(t.caseIds()));
        Table base = tables.get(0);
        List<Integer> baseRows = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < base.rowCount(); i++) {
            String id = base.caseIds().get(i);
            boolean all = true;
            for (Set<String> s : idSets) all &= s.contains(id);
            if (all) { ids.add(id); baseRows.add(i); }
        }
        Set<String> kept = new HashSet<>(ids);
        Map<String, Table.Column> columns = new LinkedHashMap<>();
        List<Input> inputs = new ArrayList<>();
        Set<String> everyId = new HashSet<>();
        for (Table t : tables) everyId.addAll(t.caseIds());
        int dropped = 0;
        for (String id : everyId) if (!kept.contains(id)) dropped++;
        for (int t = 0; t < tables.size(); t++) {
            Table table = tables.get(t);
            int[] rows;
            if (t == 0) {
                rows = baseRows.stream().mapToInt(Integer::intValue).toArray();
            } else {
                Map<String, Integer> rowOf = new HashMap<>();
                for (int i = 0; i < table.rowCount(); i++) rowOf.put(table.caseIds().get(i), i);
                rows = ids.stream().mapToInt(rowOf::get).toArray();
            }
            Table picked = table.rows(rows);
            for (String c : picked.columnNames()) columns.put(c, picked.column(c));
            int unmatched = 0;
            for (String id : table.caseIds()) if (!kept.contains(id)) unmatched++;
            inputs.add(new Input(sources.get(t).file().toString(), sources.get(t).prefix(), table.rowCount(), unmatched, reads.get(t).sha256()));
        }
        return new Joined(new Table(ids, columns), inputs, dropped);
    }

    /** Splits one CSV line; quotes are optional. */
    static List<String> split(String line, String file, int lineNo) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') { cur.append('"'); i++; }
                    else quoted = false;
                } else cur.append(ch);
            } else if (ch == '"' && cur.toString().isBlank()) {
                quoted = true;
                cur.setLength(0);
            } else if (ch == ',') {
                out.add(cur.toString().strip());
                cur.setLength(0);
            } else cur.append(ch);
        }
        if (quoted) throw new TableException(file + " line " + lineNo + ": unclosed quote");
        out.add(cur.toString().strip());
        return out;
    }
}
