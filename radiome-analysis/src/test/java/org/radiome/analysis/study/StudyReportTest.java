package org.radiome.analysis.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.html has every plot of its outcome type, opens as well-formed XHTML and names no case. */
class StudyReportTest {
    @TempDir Path tmp;

    @Test
    void binary_and_survival_reports_hold_their_plots() throws Exception {
        for (String yaml : new String[] {StudyFixtures.BINARY, StudyFixtures.SURVIVAL}) {
            StudySpec spec = StudySpec.read(StudyFixtures.spec(tmp, yaml));
            Study.Result r = Study.run(spec, StudyData.load(spec), new FixedGlmnetLearner(), s -> { }, Pipeline.Trace.NONE);
            String html = StudyReport.html(r, "2026-01-01T00:00:00Z");
            Path file = tmp.resolve("report.html");
            Files.writeString(file, html);
            javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
            assertThat(html).doesNotContain("RG2026").doesNotContain("<script");
            int svgs = html.split("<svg", -1).length - 1;
            if (yaml == StudyFixtures.BINARY) {
                assertThat(svgs).as("volcano, heatmap, ROC, calibration").isEqualTo(4);
                assertThat(html).contains("ROC").contains("Calibration");
            } else {
                assertThat(svgs).as("volcano, heatmap, Kaplan-Meier").isEqualTo(3);
                assertThat(html).contains("high risk").contains("Log-rank");
            }
            assertThat(html).contains("Performance per subgroup").contains("site");
        }
    }
}
