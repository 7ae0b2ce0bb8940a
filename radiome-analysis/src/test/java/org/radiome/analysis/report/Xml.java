package org.radiome.analysis.report;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

/** Test helper: parses SVG/XHTML strictly as XML (any well-formedness error fails the test) and queries it. */
final class Xml {
    private Xml() { }

    static Document parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(false);
            var b = f.newDocumentBuilder();
            b.setErrorHandler(new DefaultHandler() {
                @Override public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXParseException { throw e; }
            });
            return b.parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    static List<Element> all(Document d, String xpath) {
        try {
            NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, d, XPathConstants.NODESET);
            List<Element> out = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) out.add((Element) nodes.item(i));
            return out;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static Element one(Document d, String xpath) {
        List<Element> l = all(d, xpath);
        if (l.size() != 1) throw new AssertionError(xpath + " matched " + l.size() + " elements");
        return l.get(0);
    }

    static double num(Element e, String attribute) { return Double.parseDouble(e.getAttribute(attribute)); }

    /** The points of a polyline or polygon as [x, y] pairs. */
    static List<double[]> points(Element e) {
        List<double[]> out = new ArrayList<>();
        for (String p : e.getAttribute("points").trim().split("\\s+")) {
            String[] xy = p.split(",");
            out.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
        }
        return out;
    }

    /** The plot area's rectangle as x, y, width, height. */
    static double[] area(Document d) {
        Element r = one(d, "//rect[@class='plot-area']");
        return new double[] {num(r, "x"), num(r, "y"), num(r, "width"), num(r, "height")};
    }

    /** Pixel of data point (u, v) for the data domain [x0, x1] × [y0, y1] drawn in the plot area. */
    static double[] pixel(double[] area, double x0, double x1, double y0, double y1, double u, double v) {
        return new double[] {area[0] + (u - x0) / (x1 - x0) * area[2], area[1] + area[3] - (v - y0) / (y1 - y0) * area[3]};
    }

    /** Texts of the tick labels of one axis, in document order. */
    static List<String> ticks(Document d, String axis) {
        List<String> out = new ArrayList<>();
        for (Element e : all(d, "//g[@class='" + axis + "']/text[@class='tick']")) out.add(e.getTextContent());
        return out;
    }
}
