package org.radiome.analysis.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Covariate coding against R's model.matrix with treatment contrasts: for
 * {@code d <- data.frame(age = c(61, 70, 55, 48), stage = c("II", "I", "IV", "II"))},
 * {@code model.matrix(~ age + stage, d)[, -1]} has columns age, stageII, stageIV (levels sorted, the first, I,
 * the baseline) and rows (61, 1, 0), (70, 0, 0), (55, 0, 1), (48, 1, 0).
 */
class ModelCovariatesTest {
    static final String[][] TEXT = {{"61", "70", "55", "48"}, {"II", "I", "IV", "II"}};

    @Test
    void codes_as_model_matrix_with_treatment_contrasts() {
        ModelCovariates c = ModelCovariates.fit(List.of("age", "stage"), TEXT, new int[] {0, 1, 2, 3});
        assertThat(c.terms()).containsExactly("age", "stageII", "stageIV");
        double[][] d = c.design(TEXT, new int[] {0, 1, 2, 3});
        assertThat(d[0]).containsExactly(61, 70, 55, 48);
        assertThat(d[1]).containsExactly(1, 0, 0, 1);
        assertThat(d[2]).containsExactly(0, 0, 1, 0);
    }

    @Test
    void levels_come_from_the_training_cases_and_an_unseen_level_is_an_error() {
        ModelCovariates c = ModelCovariates.fit(List.of("age", "stage"), TEXT, new int[] {0, 1, 3});
        assertThat(c.terms()).containsExactly("age", "stageII");
        assertThatThrownBy(() -> c.design(TEXT, new int[] {2})).isInstanceOf(StudyException.class)
            .hasMessageContaining("stage = IV").hasMessageContaining("[I, II]");
        assertThatThrownBy(() -> ModelCovariates.fit(List.of("age", "stage"), TEXT, new int[] {0, 3}))
            .hasMessageContaining("stage has one value (II)");
    }

    /** R: {@code levels(factor(c("10", "9", "b", "10")))} is "10", "9", "b" (text order), so the terms are x9 and xb. */
    @Test
    void mixed_labels_are_levels_in_text_order_as_r_factor() {
        String[][] text = {{"10", "9", "b", "10"}};
        ModelCovariates c = ModelCovariates.fit(List.of("x"), text, new int[] {0, 1, 2, 3});
        assertThat(c.terms()).containsExactly("x9", "xb");
        double[][] d = c.design(text, new int[] {0, 1, 2, 3});
        assertThat(d[0]).containsExactly(0, 1, 0, 0);
        assertThat(d[1]).containsExactly(0, 0, 1, 0);
        String[][] nan = {{"1", "NaN", "2", "1"}};
        assertThat(ModelCovariates.fit(List.of("x"), nan, new int[] {0, 1, 2, 3}).terms()).as("NaN is not a number").containsExactly("x2", "xNaN");
    }
}
