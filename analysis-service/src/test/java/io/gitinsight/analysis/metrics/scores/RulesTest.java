package io.gitinsight.analysis.metrics.scores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RulesTest {

    private static final String KINDS = "commit, pr, review, issue, comment";

    @TempDir
    Path dir;

    @Test
    void theDefaultsScoreCodeReviewAndCommunity() {
        Rules rules = Rules.defaults();

        assertThat(rules.source()).isEqualTo("classpath:/rules/default.toml");
        assertThat(rules.dimensions()).containsExactly(
                new Dimension("code", Set.of(ActivityKind.PR, ActivityKind.COMMIT), 1.0),
                new Dimension("review", Set.of(ActivityKind.REVIEW), 0.8),
                new Dimension("community", Set.of(ActivityKind.ISSUE, ActivityKind.COMMENT), 0.5));
        assertThat(rules.points()).isEqualTo(Map.of(ActivityKind.PR, 5.0, ActivityKind.COMMIT, 1.0,
                ActivityKind.REVIEW, 3.0, ActivityKind.ISSUE, 2.0, ActivityKind.COMMENT, 1.0));
    }

    @Test
    void aRulesFileReplacesDimensionsAndWeightsAndUnlistedKindsAreWorthOnePoint() throws Exception {
        Path file = Path.of(RulesTest.class.getResource("/rules/override.toml").toURI());

        Rules rules = Rules.load(file);

        assertThat(rules.dimensions()).containsExactly(
                new Dimension("shipping", Set.of(ActivityKind.PR, ActivityKind.COMMIT, ActivityKind.REVIEW), 2.0),
                new Dimension("talk", Set.of(ActivityKind.COMMENT), 0.25));
        assertThat(rules.pointsFor(ActivityKind.PR)).isEqualTo(1.0);
    }

    static Stream<Arguments> invalidRules() {
        String code = "[dimensions.code]\n";
        return Stream.of(
                Arguments.of(code + "kinds = [\"pr\", \"tweet\"]\nweight = 1",
                        "dimensions.code.kinds names unknown kind 'tweet': known kinds are " + KINDS),
                Arguments.of(code + "kinds = [\"pr\"]\nweight = 0",
                        "dimensions.code.weight must be a positive number, got 0"),
                Arguments.of(code + "kinds = [\"pr\"]\nweight = -1.5",
                        "dimensions.code.weight must be a positive number, got -1.5"),
                Arguments.of(code + "kinds = [\"pr\"]\nweight = \"1\"",
                        "dimensions.code.weight must be a positive number, got \"1\""),
                Arguments.of(code + "kinds = [\"pr\"]",
                        "dimensions.code.weight is missing: it must be a positive number"),
                Arguments.of(code + "kinds = []\nweight = 1",
                        "dimensions.code.kinds must be a non-empty list of kinds (" + KINDS + ")"),
                Arguments.of(code + "weight = 1",
                        "dimensions.code.kinds is missing: list the kinds this dimension scores (" + KINDS + ")"),
                Arguments.of(code + "kinds = [\"pr\"]\nweigth = 1",
                        "dimensions.code.weigth is not a known key: a dimension has kinds and weight"),
                Arguments.of("[dimension.code]\nkinds = [\"pr\"]\nweight = 1",
                        "dimension is not a known key: expected [points] and [dimensions.NAME] tables"),
                Arguments.of("[points]\npr = 5", "dimensions must hold at least one [dimensions.NAME] table"),
                Arguments.of("[points]\npr = 0\n" + code + "kinds = [\"pr\"]\nweight = 1",
                        "points.pr must be a positive number, got 0"),
                Arguments.of("[points]\nstar = 1\n" + code + "kinds = [\"pr\"]\nweight = 1",
                        "points.star names unknown kind 'star': known kinds are " + KINDS),
                Arguments.of(code + "kinds = [\"pr\", \"review\"]\nweight = 1\n[dimensions.review]\n"
                        + "kinds = [\"review\"]\nweight = 1",
                        "dimensions.review.kinds lists 'review', already scored by dimension 'code': each kind may "
                                + "count in one dimension only"));
    }

    @ParameterizedTest
    @MethodSource("invalidRules")
    void anInvalidFileIsRefusedNamingTheFileAndTheKey(String toml, String problem) throws Exception {
        Path file = Files.writeString(dir.resolve("rules.toml"), toml);

        assertThatThrownBy(() -> Rules.load(file)).isInstanceOf(RulesException.class)
                .hasMessage("rules file " + file + ": " + problem);
    }

    @Test
    void aMalformedFileIsRefusedWithTheParsersReason() throws Exception {
        Path file = Files.writeString(dir.resolve("broken.toml"), "[dimensions.code\nkinds = [\"pr\"]\n");

        assertThatThrownBy(() -> Rules.load(file)).isInstanceOf(RulesException.class)
                .hasMessageStartingWith("rules file " + file + ": is not valid TOML: ")
                .hasMessageContaining("(line 1)");
    }

    @Test
    void aMissingFileIsRefused() {
        Path file = dir.resolve("absent.toml");

        assertThatThrownBy(() -> Rules.load(file)).isInstanceOf(RulesException.class)
                .hasMessageStartingWith("rules file " + file + ": cannot be read: ")
                .extracting(e -> ((RulesException) e).file()).isEqualTo(file.toString());
    }
}
