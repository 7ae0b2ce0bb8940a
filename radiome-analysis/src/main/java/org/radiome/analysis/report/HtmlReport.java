package org.radiome.analysis.report;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A self-contained HTML report: one file with inline CSS and inline SVG figures (from {@link Plots}), no
 * scripts, fonts, images or links to fetch, so it opens offline in any browser and can be archived or
 * e-mailed as is. The markup is polyglot HTML5/XHTML — well-formed XML in the XHTML namespace — so it can be
 * checked with any XML parser. Every string given is HTML-escaped; a figure must be a well-formed
 * {@code <svg>} element in the SVG namespace (checked when added).
 *
 * <p>A builder: add blocks in order, then {@link #render()} or {@link #write(Path)}. Not thread-safe; build
 * one report per thread.
 */
public final class HtmlReport {
    private static final Pattern NUMBER = Pattern.compile("[-+\u2212]?(\\d+([.,]\\d*)?|[.,]\\d+)([eE][-+]?\\d+)?%?");
    private static final String CSS = """
        :root { color-scheme: light; }
        body { font-family: system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif; color: #212121;
               margin: 0; background: #fafafa; line-height: 1.45; }
        main { max-width: 1100px; margin: 0 auto; padding: 24px 32px 48px; background: #ffffff; }
        h1 { font-size: 1.7em; margin: 0.2em 0 0.6em; border-bottom: 2px solid #0072B2; padding-bottom: 0.2em; }
        h2 { font-size: 1.3em; margin: 1.6em 0 0.5em; }
        p { margin: 0.5em 0; max-width: 80ch; }
        table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.92em; }
        th, td { border-bottom: 1px solid #e0e0e0; padding: 4px 10px; text-align: left; vertical-align: top; }
        th { background: #f5f5f5; font-weight: 600; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        tbody tr:hover { background: #f5f9fc; }
        figure { margin: 1em 0 1.6em; overflow-x: auto; }
        figure svg { max-width: 100%; height: auto; }
        figcaption { font-size: 0.9em; color: #555555; margin-top: 0.3em; max-width: 80ch; }
        footer { margin-top: 3em; font-size: 0.8em; color: #757575; }
        @media print { body { background: #ffffff; } main { max-width: none; } figure { break-inside: avoid; } }
        """;

    private final String title;
    private final List<String> blocks = new ArrayList<>();

    public HtmlReport(String title) {
        this.title = Objects.requireNonNull(title, "title");
    }

    /** A section heading (h2). */
    public HtmlReport heading(String text) {
        blocks.add("<h2>" + Svg.escape(text) + "</h2>");
        return this;
    }

    /** A paragraph of plain text. */
    public HtmlReport paragraph(String text) {
        blocks.add("<p>" + Svg.escape(text) + "</p>");
        return this;
    }

    /**
     * A table; cells that read as numbers are right-aligned. Every row must have as many cells as the
     * header; a null cell is shown empty.
     */
    public HtmlReport table(List<String> header, List<List<String>> rows) {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(rows, "rows");
        StringBuilder b = new StringBuilder("<table><thead><tr>");
        for (String h : header) b.append("<th scope=\"col\">").append(Svg.escape(h)).append("</th>");
        b.append("</tr></thead><tbody>");
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("report table: row " + (r + 1) + " has " + row.size() + " cells, the header " + header.size());
            }
            b.append("<tr>");
            for (String cell : row) {
                String c = cell == null ? "" : cell;
                b.append(NUMBER.matcher(c.strip()).matches() ? "<td class=\"num\">" : "<td>").append(Svg.escape(c)).append("</td>");
            }
            b.append("</tr>");
        }
        blocks.add(b.append("</tbody></table>").toString());
        return this;
    }

    /** A figure: an {@code <svg>} element (as {@link Plots} makes) and its caption. */
    public HtmlReport figure(String svg, String caption) {
        Objects.requireNonNull(svg, "svg");
        checkSvg(svg);
        StringBuilder b = new StringBuilder("<figure>").append(svg.strip());
        if (caption != null && !caption.isBlank()) b.append("<figcaption>").append(Svg.escape(caption)).append("</figcaption>");
        blocks.add(b.append("</figure>").toString());
        return this;
    }

    /** The whole document. */
    public String render() {
        StringBuilder b = new StringBuilder(16384);
        b.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" xml:lang=\"en\">\n<head>\n")
            .append("<meta charset=\"utf-8\"/>\n")
            .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
            .append("<meta name=\"generator\" content=\"Radiome\"/>\n")
            .append("<title>").append(Svg.escape(title)).append("</title>\n")
            .append("<style>").append(CSS).append("</style>\n</head>\n<body>\n<main>\n")
            .append("<h1>").append(Svg.escape(title)).append("</h1>\n");
        for (String block : blocks) b.append(block).append('\n');
        b.append("<footer>Generated by Radiome. This file is self-contained: it loads nothing from the network.</footer>\n")
            .append("</main>\n</body>\n</html>\n");
        return b.toString();
    }

    /**
     * Writes the report as UTF-8, atomically: to a temporary file beside {@code file}, then moved over it, so
     * a reader never sees a half-written report and a failed write leaves any earlier report intact. Parent
     * directories are created.
     */
    public void write(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        // not Files.createTempFile: that makes the file owner-only (0600), and the report keeps those rights
        Path tmp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.writeString(tmp, render(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Parses the fragment as XML (no DTDs, no external entities) and requires an svg root in the SVG namespace. */
    private static void checkSvg(String svg) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            var builder = f.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler() {
                @Override public void warning(SAXParseException e) { }
                @Override public void fatalError(SAXParseException e) throws SAXException { throw e; }
            });
            Element root = builder.parse(new InputSource(new StringReader(svg))).getDocumentElement();
            if (!"svg".equals(root.getLocalName()) || !Svg.NS.equals(root.getNamespaceURI())) {
                throw new IllegalArgumentException("report figure: root element must be <svg xmlns=\"" + Svg.NS + "\">, was <" + root.getTagName() + ">");
            }
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("report figure: not well-formed SVG: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
