package org.radiome.analysis.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The report is well-formed XHTML, self-contained, escaped, and written atomically. */
class HtmlReportTest {
    @TempDir
    Path tmp;

    private static String roc() {
        return Plots.roc(new double[] {0, 0.2, 1}, new double[] {0, 0.7, 1}, 0.75, 0.6, 0.9);
    }

    private HtmlReport report() {
        return new HtmlReport("Study <A> & B")
            .heading("Cohort")
            .paragraph("120 cases, 3 sites; <script>alert(1)</script>")
            .table(List.of("feature", "rho", "q"), List.of(List.of("glcm_<x>", "0.42", "1.2e-05"), List.of("mean & sd", "\u22120.1", "NA")))
            .figure(roc(), "ROC of the <penalised> model")
            .figure(Plots.calibration(new double[] {0.2, 0.8}, new double[] {0.25, 0.7}, new int[] {40, 30}), null);
    }

    @Test
    void rendered_report_is_well_formed_xhtml_with_svg_in_its_namespace() {
        String html = report().render();
        assertThat(html).startsWith("<!DOCTYPE html>");
        Document d = Xml.parse(html);
        assertThat(d.getDocumentElement().getAttribute("xmlns")).isEqualTo("http://www.w3.org/1999/xhtml");
        List<Element> svgs = Xml.all(d, "//figure/svg");
        assertThat(svgs).hasSize(2).allSatisfy(s -> assertThat(s.getAttribute("xmlns")).isEqualTo("http://www.w3.org/2000/svg"));
        assertThat(Xml.one(d, "/html/head/title").getTextContent()).isEqualTo("Study <A> & B");
        assertThat(Xml.one(d, "//h1").getTextContent()).isEqualTo("Study <A> & B");
        assertThat(Xml.all(d, "//figcaption")).singleElement().satisfies(e -> assertThat(e.getTextContent()).isEqualTo("ROC of the <penalised> model"));
        assertThat(Xml.one(d, "//meta[@charset]").getAttribute("charset")).isEqualTo("utf-8");
    }

    @Test
    void every_string_is_escaped_so_no_markup_gets_through() {
        String html = report().render();
        Document d = Xml.parse(html);
        assertThat(Xml.all(d, "//script")).isEmpty();
        assertThat(Xml.one(d, "//p").getTextContent()).isEqualTo("120 cases, 3 sites; <script>alert(1)</script>");
        assertThat(html).contains("glcm_&lt;x&gt;").contains("mean &amp; sd");
    }

    @Test
    void report_loads_nothing_from_outside() {
        String html = report().render();
        Document d = Xml.parse(html);
        assertThat(Xml.all(d, "//*[@src or @href]")).isEmpty();
        assertThat(Xml.all(d, "//link | //script | //img | //iframe | //object")).isEmpty();
        assertThat(html).doesNotContain("url(").doesNotContain("@import").doesNotContain("@font-face");
        // the only URIs are the two namespace names
        assertThat(html.replace("http://www.w3.org/1999/xhtml", "").replace("http://www.w3.org/2000/svg", "")).doesNotContain("http");
    }

    @Test
    void numeric_cells_are_right_aligned_and_rows_must_match_the_header() {
        Document d = Xml.parse(report().render());
        List<String> classes = Xml.all(d, "//tbody/tr/td").stream().map(e -> e.getAttribute("class")).toList();
        assertThat(classes).containsExactly("", "num", "num", "", "num", "");
        assertThatThrownBy(() -> new HtmlReport("t").table(List.of("a", "b"), List.of(List.of("1"))))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1 has 1 cells");
    }

    @Test
    void figure_must_be_a_well_formed_svg_element() {
        HtmlReport r = new HtmlReport("t");
        assertThatThrownBy(() -> r.figure("<svg xmlns=\"http://www.w3.org/2000/svg\"><g></svg>", "c"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not well-formed");
        assertThatThrownBy(() -> r.figure("<div>hi</div>", "c")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("root element");
        assertThatThrownBy(() -> r.figure("<svg><g/></svg>", "c")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("xmlns");
        assertThatThrownBy(() -> r.figure("<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg xmlns=\"http://www.w3.org/2000/svg\">&x;</svg>", "c"))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void write_creates_parents_replaces_an_old_report_and_leaves_no_temporary_file() throws IOException {
        Path file = tmp.resolve("out/nested/report.html");
        new HtmlReport("old").write(file);
        report().write(file);
        String written = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(written).isEqualTo(report().render());
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("report.html");
        }
    }

    @Test
    void written_report_gets_the_same_rights_as_any_new_file_not_owner_only() throws IOException {
        Path plain = Files.writeString(tmp.resolve("plain.txt"), "x");
        Path file = tmp.resolve("report.html");
        report().write(file);
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(plain));
        }
    }

    @Test
    void failed_write_keeps_what_was_there_and_cleans_up() throws IOException {
        // the target is a non-empty directory: the move fails and must not leave a half-written file
        Path target = tmp.resolve("report.html");
        Files.createDirectories(target);
        Files.writeString(target.resolve("keep.txt"), "kept");
        assertThatThrownBy(() -> report().write(target)).isInstanceOf(IOException.class);
        assertThat(Files.readString(target.resolve("keep.txt"))).isEqualTo("kept");
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("report.html");
        }
    }
}
