package io.gitinsight.analysis.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.gitinsight.analysis.config.ScoringRules;
import io.gitinsight.analysis.metrics.scores.RulesException;

/** RULES_FILE as the service reads it at startup (its producer calls the same load). */
class ScoringRulesTest {

    @Test
    void readsTheConfiguredFileOrTheDefaults() throws Exception {
        Path file = Path.of(getClass().getResource("/rules/reviewers-first.toml").toURI());
        var rules = ScoringRules.load(CloneUrlsTest.config(false, file.toString()));
        assertThat(rules.dimensions()).extracting(d -> d.name() + "=" + d.weight()).containsExactly("review=2.0", "code=0.5");
        assertThat(ScoringRules.load(CloneUrlsTest.config(false, null)).dimensions()).extracting(d -> d.name())
                .containsExactly("code", "review", "community");
    }

    @Test
    void anInvalidFileIsAStartupErrorNamingFileAndKey() throws Exception {
        Path file = Path.of(getClass().getResource("/rules/invalid-weight.toml").toURI());
        assertThatThrownBy(() -> ScoringRules.load(CloneUrlsTest.config(false, file.toString())))
                .isInstanceOf(RulesException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("dimensions.code.weight");
        assertThatThrownBy(() -> ScoringRules.load(CloneUrlsTest.config(false, "/no/such/rules.toml")))
                .isInstanceOf(RulesException.class).hasMessageContaining("/no/such/rules.toml");
    }
}
