package org.radiome.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    @TempDir
    Path tmp;

    static final List<String> CASES = List.of("a", "b", "c");

    static CaseRecord record(int index, double... values) {
        String[] tags = new String[values.length];
        for (int i = 0; i < values.length; i++) tags[i] = "f" + i;
        return new CaseRecord(index, CASES.get(index), Map.of("image", "abc"), List.of(new CaseRecord.RoiValues("1", tags, values)));
    }

    @Test
    void records_read_back_with_exactly_the_same_doubles_after_reopening() throws Exception {
        Path file = tmp.resolve("run.journal");
        SplittableRandom random = new SplittableRandom(42);
        double[] values = new double[500];
        for (int i = 0; i < values.length; i++) values[i] = Double.longBitsToDouble(random.nextLong());
        values[0] = Double.NaN;
        values[1] = Double.POSITIVE_INFINITY;
        values[2] = Double.NEGATIVE_INFINITY;
        values[3] = -0.0;
        values[4] = Double.MIN_VALUE;
        values[5] = 3;
        for (int i = 6; i < values.length; i++) if (Double.isNaN(values[i])) values[i] = i;
        try (Journal j = Journal.open(file, "fp", CASES)) {
            assertThat(j.doneCount()).isZero();
            j.append(record(1, values));
        }
        try (Journal j = Journal.open(file, "fp", CASES)) {
            assertThat(j.doneCount()).isEqualTo(1);
            assertThat(j.isDone(0)).isFalse();
            assertThat(j.isDone(1)).isTrue();
            assertThat(j.read(0)).isNull();
            CaseRecord r = j.read(1);
            assertThat(r.caseId()).isEqualTo("b");
            assertThat(r.inputs()).containsEntry("image", "abc");
            double[] back = r.rois().get(0).values();
            for (int i = 0; i < values.length; i++) {
                assertThat(Double.doubleToRawLongBits(back[i])).as("value %d: %s", i, values[i])
                        .isEqualTo(Double.doubleToRawLongBits(values[i]));
            }
        }
    }

    @Test
    void a_torn_last_line_is_dropped_and_the_journal_continues() throws Exception {
        Path file = tmp.resolve("run.journal");
        try (Journal j = Journal.open(file, "fp", CASES)) {
            j.append(record(0, 1.5));
            j.append(record(2, 2.5));
        }
        long whole = Files.size(file);
        byte[] torn = new String(Journal.encode(record(1, 9.0)), StandardCharsets.UTF_8).substring(0, 30).getBytes(StandardCharsets.UTF_8);
        Files.write(file, torn, StandardOpenOption.APPEND);
        try (Journal j = Journal.open(file, "fp", CASES)) {
            assertThat(Files.size(file)).isEqualTo(whole);
            assertThat(j.doneCount()).isEqualTo(2);
            assertThat(j.isDone(1)).isFalse();
            j.append(record(1, 3.5));
        }
        try (Journal j = Journal.open(file, "fp", CASES)) {
            assertThat(j.doneCount()).isEqualTo(3);
            assertThat(j.read(1).rois().get(0).values()).containsExactly(3.5);
            assertThat(j.read(2).rois().get(0).values()).containsExactly(2.5);
        }
    }

    @Test
    void a_journal_of_another_command_is_refused() throws Exception {
        Path file = tmp.resolve("run.journal");
        try (Journal j = Journal.open(file, "fp", CASES)) {
            j.append(record(0, 1));
        }
        assertThatThrownBy(() -> Journal.open(file, "other", CASES)).isInstanceOf(JournalException.class)
                .hasMessageContaining("run.journal").hasMessageContaining("different batch");
        assertThatThrownBy(() -> Journal.open(file, "fp", List.of("x", "b", "c"))).isInstanceOf(JournalException.class)
                .hasMessageContaining("line 2");
    }

    @Test
    void damage_before_the_last_line_is_refused() throws Exception {
        Path file = tmp.resolve("run.journal");
        try (Journal j = Journal.open(file, "fp", CASES)) {
            j.append(record(0, 1));
            j.append(record(1, 2));
        }
        List<String> lines = Files.readAllLines(file);
        Files.write(file, List.of(lines.get(0), "{garbage", lines.get(2)));
        assertThatThrownBy(() -> Journal.open(file, "fp", CASES)).isInstanceOf(JournalException.class)
                .hasMessageContaining("damaged at line 2");
    }

    @Test
    void a_journal_in_use_is_refused() throws Exception {
        Path file = tmp.resolve("run.journal");
        try (Journal j = Journal.open(file, "fp", CASES)) {
            assertThatThrownBy(() -> Journal.open(file, "fp", CASES)).isInstanceOf(JournalException.class)
                    .hasMessageContaining("in use by another radiome batch");
        }
        try (Journal j = Journal.open(file, "fp", CASES)) {
            assertThat(j.doneCount()).isZero();
        }
    }

    @Test
    void records_appended_from_many_threads_are_each_journalled_once() throws Exception {
        Path file = tmp.resolve("run.journal");
        List<String> ids = IntStream.range(0, 400).mapToObj(i -> "case" + i).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (Journal j = Journal.open(file, "fp", ids)) {
            List<Future<?>> appends = IntStream.range(0, ids.size()).<Future<?>>mapToObj(i -> pool.submit(() -> {
                j.append(new CaseRecord(i, ids.get(i), Map.of("image", "h" + i),
                        List.of(new CaseRecord.RoiValues("1", new String[] {"f"}, new double[] {i + 0.25}))));
                return null;
            })).toList();
            for (Future<?> f : appends) f.get();
            // a record may still be on its way to the disk: reading it waits for it
            assertThat(j.read(399).rois().get(0).values()).containsExactly(399.25);
        } finally {
            pool.shutdown();
        }
        assertThat(Files.readAllLines(file)).hasSize(1 + ids.size());
        try (Journal j = Journal.open(file, "fp", ids)) {
            assertThat(j.doneCount()).isEqualTo(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                CaseRecord r = j.read(i);
                assertThat(r.caseId()).isEqualTo(ids.get(i));
                assertThat(r.inputs()).containsEntry("image", "h" + i);
                assertThat(r.rois().get(0).values()).containsExactly(i + 0.25);
            }
        }
    }

    @Test
    void after_sync_the_records_are_on_disk_and_a_case_is_accepted_once() throws Exception {
        Path file = tmp.resolve("run.journal");
        try (Journal j = Journal.open(file, "fp", CASES)) {
            j.append(record(0, 1.5));
            j.append(record(2, 2.5));
            assertThatThrownBy(() -> j.append(record(2, 9))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already journalled");
            j.sync();
            // what a process killed now would leave: both records, whole lines
            List<String> lines = Files.readAllLines(file);
            assertThat(lines).hasSize(3);
            assertThat(lines.get(1) + lines.get(2)).contains("\"case_id\":\"a\"").contains("\"case_id\":\"c\"");
            assertThat(j.doneCount()).isEqualTo(2);
        }
    }
}
