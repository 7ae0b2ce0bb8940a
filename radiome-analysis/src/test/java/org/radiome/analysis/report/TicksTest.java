package org.radiome.analysis.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

/** Nice-number ticks (Heckbert 1990): steps of 1, 2 or 5 × 10^k that cover the data. */
class TicksTest {

    @Test
    void unit_interval_gets_steps_of_one_fifth_with_exact_decimals() {
        Ticks t = Ticks.covering(0, 1, 6);
        assertThat(t.values()).containsExactly(0, 0.2, 0.4, 0.6, 0.8, 1.0);
        assertThat(t.label(0.6)).isEqualTo("0.6");
        assertThat(t.label(0)).isEqualTo("0.0");
        assertThat(t.label(1)).isEqualTo("1.0");
    }

    @Test
    void range_is_widened_outward_to_multiples_of_the_step() {
        // range 96.7 -> nice 100, rough step 20 -> 20; 0.3..97 -> 0..100
        assertThat(Ticks.covering(0.3, 97, 6).values()).containsExactly(0, 20, 40, 60, 80, 100);
        // range 1.6 -> nice 2, rough step 1/3 -> 0.5
        assertThat(Ticks.covering(-0.8, 0.8, 7).values()).containsExactly(-1, -0.5, 0, 0.5, 1);
        // range 5 -> nice 5, rough step 0.83 -> 1
        assertThat(Ticks.covering(0, 5, 7).values()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(Ticks.covering(0.0012, 0.0047, 5).values()).containsExactly(0.001, 0.002, 0.003, 0.004, 0.005);
    }

    @Test
    void negative_labels_use_a_true_minus_and_never_minus_zero() {
        Ticks t = Ticks.covering(-0.8, 0.8, 7);
        assertThat(t.label(-0.5)).isEqualTo("\u22120.5");
        assertThat(t.label(-0.0)).isEqualTo("0.0");
        assertThat(Ticks.covering(-5, 5, 5).label(-0.0)).isEqualTo("0");
    }

    @Test
    void degenerate_and_non_finite_ranges() {
        assertThat(Ticks.covering(3, 3, 5).values()).contains(3.0);
        assertThat(Ticks.covering(0, 0, 5).lo()).isLessThan(0);
        assertThatThrownBy(() -> Ticks.covering(0, Double.NaN, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ticks.covering(2, 1, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void ticks_cover_the_range_with_a_one_two_five_step(@ForAll @DoubleRange(min = -1e6, max = 1e6) double a,
                                                        @ForAll @DoubleRange(min = 0.001, max = 1e6) @Scale(3) double width) {
        double min = a, max = a + width;
        Ticks t = Ticks.covering(min, max, 6);
        // covered up to rounding far below a pixel (1e-6 of a step)
        assertThat(t.lo()).isLessThanOrEqualTo(min + t.step() * 1e-6);
        assertThat(t.hi()).isGreaterThanOrEqualTo(max - t.step() * 1e-6);
        double mantissa = t.step() / Math.pow(10, Math.floor(Math.log10(t.step()) + 1e-12));
        assertThat(Math.round(mantissa)).isIn(1L, 2L, 5L);
        assertThat(Math.abs(mantissa - Math.round(mantissa))).isLessThan(1e-9);
        assertThat(t.values().length).isBetween(2, 13);
        for (int i = 0; i < t.values().length; i++) {
            double k = t.values()[i] / t.step();
            assertThat(Math.abs(k - Math.rint(k))).as("tick %s is a multiple of %s", t.values()[i], t.step()).isLessThan(1e-6);
            if (i > 0) assertThat(t.values()[i] - t.values()[i - 1]).isCloseTo(t.step(), org.assertj.core.data.Offset.offset(Math.max(t.step() * 1e-9, 4 * Math.ulp(t.values()[i]))));
        }
    }
}
