package io.gitinsight.query.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CachedResponsesTest {

    private static final String TAG = "\"0123456789abcdef0123456789abcdef\"";

    @Test
    void matchesStrongWeakListedAndWildcardTags() {
        assertThat(CachedResponses.matches(TAG, TAG)).isTrue();
        assertThat(CachedResponses.matches("W/" + TAG, TAG)).isTrue();
        assertThat(CachedResponses.matches("\"a\", " + TAG, TAG)).isTrue();
        assertThat(CachedResponses.matches("*", TAG)).isTrue();
    }

    @Test
    void doesNotMatchOtherOrMissingTags() {
        assertThat(CachedResponses.matches("\"0123\"", TAG)).isFalse();
        assertThat(CachedResponses.matches(TAG.replace("\"", ""), TAG)).isFalse();
        assertThat(CachedResponses.matches(null, TAG)).isFalse();
        assertThat(CachedResponses.matches(" ", TAG)).isFalse();
    }
}
