package org.radiome.engine.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radiome.engine.extract.RoiResult;
import org.radiome.features.FeatureSet;

class CsvFeatureWriterTest {
    @Property
    void numbers_round_trip_exactly(@ForAll double v) {
        String s = CsvFeatureWriter.format(v);
        if (Double.isNaN(v)) assertThat(s).isEqualTo("NaN");
        else if (Double.isInfinite(v)) assertThat(s).isIn("Inf", "-Inf");
        else assertThat(Double.parseDouble(s)).isEqualTo(v);
    }

    @Test
    void writes_header_and_one_row_per_roi_with_union_of_columns(@TempDir Path tmp) throws Exception {
        FeatureSet a = new FeatureSet();
        a.addUnidentified("x_one", 1.5);
        FeatureSet b = new FeatureSet();
        b.addUnidentified("x_one", 0.1);
        b.addUnidentified("x_two", -3);
        Path out = tmp.resolve("t.csv");
        CsvFeatureWriter.write(out, List.of(new RoiResult("c1", "1", a), new RoiResult("c,2", "2", b)));
        assertThat(Files.readAllLines(out)).containsExactly(
                "case_id,roi,x_one,x_two",
                "c1,1,1.5,",
                "\"c,2\",2,0.1,-3");
        try (var files = Files.list(tmp)) {
            assertThat(files).containsExactly(out); // no temporary file left behind
        }
    }
}
