package org.radiome.engine.progress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    @Test
    void bar_shows_cases_rate_eta_failures_and_resumed_cases() {
        // 10 resumed, 20 computed in 10 s: 2 cases/s, 30 of 60 left -> 15 s
        assertThat(ConsoleProgress.format(60, 10, 18, 2, 10, true))
                .isEqualTo("[###############...............]  30/60 cases  2.00 cases/s  ETA 0:15  2 failed  (10 resumed)");
        assertThat(ConsoleProgress.format(4, 0, 0, 0, 1, false)).isEqualTo("0/4 cases  0.00 cases/s  ETA --:--");
        assertThat(ConsoleProgress.format(4, 0, 4, 0, 2, false)).isEqualTo("4/4 cases  2.00 cases/s  done in 0:02");
    }

    @Test
    void clock_formats_minutes_and_hours() {
        assertThat(ConsoleProgress.clock(59.6)).isEqualTo("1:00");
        assertThat(ConsoleProgress.clock(3725)).isEqualTo("1:02:05");
    }
}
