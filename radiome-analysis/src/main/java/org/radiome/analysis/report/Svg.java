package org.radiome.analysis.report;

import java.util.Locale;

/**
 * A minimal writer of well-formed SVG 1.1 markup: elements go straight into a StringBuilder, every text and
 * attribute value is XML-escaped, and every coordinate passes {@link #num}, which refuses a non-finite
 * number, so no drawing can carry NaN or Infinity into the output. Not thread-safe (one per drawing).
 */
final class Svg {
    static final String NS = "http://www.w3.org/2000/svg";
    static final String FONT = "system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif";

    private final StringBuilder out = new StringBuilder(8192);

    /** Opens the root element with its accessible name ({@code <title>}) and description ({@code <desc>}). */
    Svg(double width, double height, String cssClass, String title, String description) {
        out.append("<svg xmlns=\"").append(NS).append("\" class=\"radiome-plot ").append(cssClass)
            .append("\" width=\"").append(num(width)).append("\" height=\"").append(num(height))
            .append("\" viewBox=\"0 0 ").append(num(width)).append(' ').append(num(height))
            .append("\" role=\"img\" font-family=\"").append(FONT).append("\" font-size=\"12\">");
        out.append("<title>").append(escape(title)).append("</title>");
        out.append("<desc>").append(escape(description)).append("</desc>");
        rect(0, 0, width, height, "background", "fill=\"#ffffff\"");
    }

    /** A coordinate or size with two decimals; a non-finite value is a bug in the caller. */
    static String num(double v) {
        if (!Double.isFinite(v)) throw new IllegalStateException("non-finite coordinate " + v + " in SVG output");
        String s = String.format(Locale.ROOT, "%.2f", v);
        if (s.endsWith(".00")) s = s.substring(0, s.length() - 3);
        return s.equals("-0") ? "0" : s;
    }

    /**
     * XML-escapes text and attribute values (&amp;, &lt;, &gt;, quotes) and replaces characters XML 1.0 does
     * not allow (control characters, lone surrogates) by U+FFFD, so any feature name yields well-formed XML.
     */
    static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        b.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c) || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                        || c == 0xFFFE || c == 0xFFFF) {
                        b.append('\uFFFD');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    Svg open(String element, String cssClass, String attributes) {
        out.append('<').append(element);
        if (cssClass != null) out.append(" class=\"").append(cssClass).append('"');
        if (attributes != null && !attributes.isEmpty()) out.append(' ').append(attributes);
        out.append('>');
        return this;
    }

    Svg close(String element) {
        out.append("</").append(element).append('>');
        return this;
    }

    Svg group(String cssClass) { return open("g", cssClass, null); }

    Svg endGroup() { return close("g"); }

    /** A tooltip: a {@code <title>} child of the element just opened. */
    Svg tooltip(String text) {
        out.append("<title>").append(escape(text)).append("</title>");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String cssClass, String attributes) {
        out.append("<line");
        if (cssClass != null) out.append(" class=\"").append(cssClass).append('"');
        out.append(" x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1))
            .append("\" x2=\"").append(num(x2)).append("\" y2=\"").append(num(y2)).append('"');
        return finish(attributes);
    }

    Svg rect(double x, double y, double w, double h, String cssClass, String attributes) {
        out.append("<rect");
        if (cssClass != null) out.append(" class=\"").append(cssClass).append('"');
        out.append(" x=\"").append(num(x)).append("\" y=\"").append(num(y))
            .append("\" width=\"").append(num(w)).append("\" height=\"").append(num(h)).append('"');
        return finish(attributes);
    }

    /** A rectangle with a tooltip. */
    Svg rect(double x, double y, double w, double h, String cssClass, String attributes, String tooltip) {
        out.append("<rect");
        if (cssClass != null) out.append(" class=\"").append(cssClass).append('"');
        out.append(" x=\"").append(num(x)).append("\" y=\"").append(num(y))
            .append("\" width=\"").append(num(w)).append("\" height=\"").append(num(h)).append('"');
        if (attributes != null && !attributes.isEmpty()) out.append(' ').append(attributes);
        out.append('>');
        tooltip(tooltip);
        return close("rect");
    }

    /** A circle with a tooltip. */
    Svg circle(double cx, double cy, double r, String cssClass, String attributes, String tooltip) {
        out.append("<circle");
        if (cssClass != null) out.append(" class=\"").append(cssClass).append('"');
        out.append(" cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"").append(num(r)).append('"');
        if (attributes != null && !attributes.isEmpty()) out.append(' ').append(attributes);
        out.append('>');
        if (tooltip != null) tooltip(tooltip);
        return close("circle");
    }

    /** An open polyline through (x[i], y[i]). */
    Svg polyline(double[] x, double[] y, int n, String cssClass, String attributes) {
        out.append("<polyline");
        if (cssClass != null) out.append(" class=\"").append(cssClass).append('"');
        out.append(" points=\"").append(points(x, y, n)).append("\" fill=\"none\"");
        return finish(attributes);
    }

    /** A closed polygon through (x[i], y[i]). */
    Svg polygon(double[] x, double[] y, int n, String cssClass, String attributes) {
        out.append("<polygon");
        if (cssClass != null) out.append(" class=\"").append(cssClass).append('"');
        out.append(" points=\"").append(points(x, y, n)).append('"');
        return finish(attributes);
    }

    private static String points(double[] x, double[] y, int n) {
        StringBuilder b = new StringBuilder(n * 14);
        for (int i = 0; i < n; i++) {
            if (i > 0) b.append(' ');
            b.append(num(x[i])).append(',').append(num(y[i]));
        }
        return b.toString();
    }

    /** Text at (x, y); {@code anchor} is start, middle or end. */
    Svg text(double x, double y, String anchor, String text, String cssClass, String attributes) {
        out.append("<text");
        if (cssClass != null) out.append(" class=\"").append(cssClass).append('"');
        out.append(" x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"").append(anchor).append('"');
        if (attributes != null && !attributes.isEmpty()) out.append(' ').append(attributes);
        out.append('>').append(escape(text)).append("</text>");
        return this;
    }

    /** Text with a tooltip holding the full string (when the visible text is shortened). */
    Svg text(double x, double y, String anchor, String text, String cssClass, String attributes, String tooltip) {
        out.append("<text");
        if (cssClass != null) out.append(" class=\"").append(cssClass).append('"');
        out.append(" x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"").append(anchor).append('"');
        if (attributes != null && !attributes.isEmpty()) out.append(' ').append(attributes);
        out.append('>');
        tooltip(tooltip);
        out.append(escape(text)).append("</text>");
        return this;
    }

    private Svg finish(String attributes) {
        if (attributes != null && !attributes.isEmpty()) out.append(' ').append(attributes);
        out.append("/>");
        return this;
    }

    String end() {
        out.append("</svg>");
        return out.toString();
    }
}
