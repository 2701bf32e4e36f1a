package io.gitinsight.ingestion.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /** The example of GitHub's "Validating webhook deliveries" documentation. */
    private static final byte[] SECRET = "It's a Secret to Everybody".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    private static final String EXPECTED = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    @Test
    void matchesGitHubsDocumentedExample() {
        assertThat(WebhookSignature.sign(SECRET, BODY)).isEqualTo(EXPECTED);
        assertThat(WebhookSignature.verify(SECRET, BODY, EXPECTED)).isTrue();
    }

    @Test
    void refusesAnythingElse() {
        assertThat(WebhookSignature.verify(SECRET, "Hello, World?".getBytes(StandardCharsets.UTF_8), EXPECTED)).isFalse();
        assertThat(WebhookSignature.verify("other".getBytes(StandardCharsets.UTF_8), BODY, EXPECTED)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, BODY, null)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, BODY, "sha1=757107ea0eb2509fc211221cce984b8a37570b6d")).isFalse();
        assertThat(WebhookSignature.verify(SECRET, BODY, EXPECTED.toUpperCase())).isFalse();
        assertThat(WebhookSignature.verify(SECRET, BODY, "sha256=" + "z".repeat(64))).isFalse();
    }
}
