package org.radiome.analysis.harmonisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * Covariate coding against R: {@code levels(factor(x))} sorts the distinct values as text, in the C locale by
 * code point, so for {@code x <- c("10", "9", "b", "B", "1", "1.0", "9")} they are "1", "1.0", "10", "9", "B", "b"
 * (mixed number and text labels are never compared as numbers); a column is numeric when every value is a finite
 * number.
 */
class CovariateLevelsTest {
    static int[] all(String[] v) {
        return IntStream.range(0, v.length).toArray();
    }

    @Test
    void levels_are_in_r_factor_order_for_mixed_labels() {
        String[] x = {"10", "9", "b", "B", "1", "1.0", "9"};
        CovariateLevels c = CovariateLevels.of(x, all(x));
        assertThat(c.numeric()).isFalse();
        assertThat(c.levels()).containsExactly("1", "1.0", "10", "9", "B", "b");
        assertThat(c.codedLevels()).isEqualTo(c.levels());
        // treatment contrasts: one 0/1 column per level after the baseline "1"
        List<double[]> cols = new ArrayList<>();
        CovariateLevels.addDummies(c.levels(), x, all(x), cols);
        assertThat(cols).hasSize(5);
        assertThat(cols.get(2)).containsExactly(0, 1, 0, 0, 0, 0, 1); // "9"
        assertThat(cols.get(3)).containsExactly(0, 0, 0, 1, 0, 0, 0); // "B"
    }

    @Test
    void a_column_is_numeric_when_every_value_is_a_finite_number() {
        String[] numbers = {"61", "-0.5", "1.2e-05", ".5", "+3"};
        CovariateLevels n = CovariateLevels.of(numbers, all(numbers));
        assertThat(n.numeric()).isTrue();
        assertThat(n.codedLevels()).isEmpty();
        for (String text : new String[] {"NaN", "Inf", "Infinity", "1e", "1e999", "0x1p3", "1d", "II"}) {
            String[] v = {"1", "2", text};
            assertThat(CovariateLevels.of(v, all(v)).numeric()).as(text).isFalse();
        }
    }
}
