package org.radiome.image.nrrd;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.radiome.image.io.ImageInput;
import org.radiome.image.io.ImageReadException;

/**
 * The parsed text header of a NRRD file: field specifications ({@code <field>: <desc>}; the space
 * after the colon is not required) by lower-case field name, with key/value pairs ({@code <key>:=<value>}) and comments ({@code #}) skipped, and the
 * file names that follow {@code data file: LIST}.
 */
final class NrrdHeader {
    private static final int MAX_LINE = 1 << 20;
    private static final int MAX_LINES = 1 << 16;

    private final Path file;
    private final Map<String, String> fields = new LinkedHashMap<>();
    private final List<String> listedDataFiles = new ArrayList<>();
    private boolean endedByBlankLine;

    private NrrdHeader(Path file) {
        this.file = file;
    }

    /**
     * Reads the header from {@code in}: the magic line, then fields until a blank line (attached
     * data follows it) or the end of the file (a detached header).
     */
    static NrrdHeader read(ImageInput in) throws ImageReadException {
        NrrdHeader h = new NrrdHeader(in.file());
        String magic = in.readLine(64);
        if (magic == null || !magic.matches("NRRD000[1-5]")) {
            throw new ImageReadException(in.file(), "not a NRRD file: bad magic (first line should be NRRD0001..NRRD0005)");
        }
        boolean inList = false;
        for (int count = 0; ; count++) {
            if (count > MAX_LINES) throw new ImageReadException(in.file(), "header has more than " + MAX_LINES + " lines");
            String line = in.readLine(MAX_LINE);
            if (line == null) break;
            if (line.isEmpty()) {
                h.endedByBlankLine = true;
                break;
            }
            if (inList) {
                h.listedDataFiles.add(line.trim());
                continue;
            }
            if (line.startsWith("#")) continue;
            int colon = line.indexOf(':');
            if (colon < 0) throw new ImageReadException(in.file(), "malformed header line '" + abbreviate(line) + "'");
            if (colon + 1 < line.length() && line.charAt(colon + 1) == '=') continue; // <key>:=<value>
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            name = switch (name) { // the older spellings without spaces
                case "datafile" -> "data file";
                case "lineskip" -> "line skip";
                case "byteskip" -> "byte skip";
                case "centerings" -> "centers";
                default -> name;
            };
            if (h.fields.put(name, value) != null) throw new ImageReadException(in.file(), "duplicate header field '" + name + "'");
            if (name.equals("data file") && value.split("\\s+")[0].equals("LIST")) inList = true;
        }
        return h;
    }

    Path file() { return file; }

    boolean endedByBlankLine() { return endedByBlankLine; }

    boolean has(String field) { return fields.containsKey(field); }

    String get(String field) { return fields.get(field); }

    String require(String field) throws ImageReadException {
        String value = fields.get(field);
        if (value == null) throw new ImageReadException(file, "missing required header field '" + field + "'");
        return value;
    }

    List<String> listedDataFiles() { return listedDataFiles; }

    long integer(String field, long fallback) throws ImageReadException {
        String value = fields.get(field);
        if (value == null) return fallback;
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new ImageReadException(file, "header field '" + field + "' is not an integer: '" + abbreviate(value) + "'");
        }
    }

    /** Whitespace-separated words of a per-axis field, or null if absent; checks their count. */
    String[] words(String field, int expected) throws ImageReadException {
        String value = fields.get(field);
        if (value == null) return null;
        String[] words = value.trim().split("\\s+");
        if (words.length != expected) {
            throw new ImageReadException(file, "header field '" + field + "' has " + words.length + " entries, dimension is " + expected);
        }
        return words;
    }

    /** A number as NRRD writes it: also {@code nan}, {@code inf}, {@code -inf} in any case. */
    double number(String field, String text) throws ImageReadException {
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "nan": return Double.NaN;
            case "inf": case "+inf": return Double.POSITIVE_INFINITY;
            case "-inf": return Double.NEGATIVE_INFINITY;
            default:
                try {
                    return Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    throw new ImageReadException(file, "header field '" + field + "' has a bad number '" + abbreviate(text) + "'");
                }
        }
    }

    /**
     * A vector {@code (v1,v2,...)} of {@code length} numbers, or null for {@code none}.
     */
    double[] vector(String field, String text, int length) throws ImageReadException {
        String t = text.trim();
        if (t.equals("none")) return null;
        if (!t.startsWith("(") || !t.endsWith(")")) {
            throw new ImageReadException(file, "header field '" + field + "' has a bad vector '" + abbreviate(text) + "'");
        }
        String[] parts = t.substring(1, t.length() - 1).split(",");
        if (parts.length != length) {
            throw new ImageReadException(file, "header field '" + field + "' has a vector of " + parts.length
                    + " components, the space has " + length);
        }
        double[] v = new double[length];
        for (int i = 0; i < length; i++) v[i] = number(field, parts[i]);
        return v;
    }

    /** The vectors and {@code none}s of a field such as {@code space directions}, split at whitespace outside parentheses. */
    static List<String> vectorTokens(String value) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (char c : value.toCharArray()) {
            if (c == '(') depth++;
            if (c == ')') depth--;
            if (Character.isWhitespace(c) && depth == 0) {
                if (current.length() > 0) tokens.add(current.toString());
                current.setLength(0);
            } else if (!Character.isWhitespace(c)) {
                current.append(c);
            }
        }
        if (current.length() > 0) tokens.add(current.toString());
        return tokens;
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
