package io.gitinsight.model.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.gitinsight.model.json.Json;

class ErrorBodyTest {

    @Test
    void serializesToTheContractsShape() throws Exception {
        ErrorBody body = ErrorBody.of(ErrorCode.REPOSITORY_NOT_FOUND, "no repository octocat/nope",
                Map.of("full_name", "octocat/nope"), "4bf92f3577b34da6a3ce929d0e0e4736");

        String json = Json.mapper().writeValueAsString(body);

        assertThat(json).isEqualTo("{\"error\":{\"code\":\"REPOSITORY_NOT_FOUND\","
                + "\"message\":\"no repository octocat/nope\",\"details\":{\"full_name\":\"octocat/nope\"},"
                + "\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}}");
    }

    @Test
    void alwaysCarriesADetailsObject() throws Exception {
        String json = Json.mapper().writeValueAsString(ErrorBody.of(ErrorCode.NOT_FOUND, "gone", null, "t"));

        assertThat(json).contains("\"details\":{}");
    }

    @Test
    void codesCarryTheContractsStatuses() {
        assertThat(ErrorCode.VALIDATION_ERROR.status()).isEqualTo(400);
        assertThat(ErrorCode.AUTHENTICATION_REQUIRED.status()).isEqualTo(401);
        assertThat(ErrorCode.AUTHORIZATION_DENIED.status()).isEqualTo(403);
        assertThat(ErrorCode.ANALYSIS_IN_PROGRESS.status()).isEqualTo(409);
        assertThat(ErrorCode.PAYLOAD_TOO_LARGE.status()).isEqualTo(413);
        assertThat(ErrorCode.RATE_LIMIT_EXCEEDED.status()).isEqualTo(429);
        assertThat(ErrorCode.UPSTREAM_UNAVAILABLE.status()).isEqualTo(503);
    }

    @Test
    void mapsFrameworkStatusesToGenericCodes() {
        assertThat(ErrorCode.forStatus(404)).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(ErrorCode.forStatus(405)).isEqualTo(ErrorCode.METHOD_NOT_ALLOWED);
        assertThat(ErrorCode.forStatus(415)).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        assertThat(ErrorCode.forStatus(409)).isEqualTo(ErrorCode.CONFLICT);
        assertThat(ErrorCode.forStatus(502)).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
        assertThat(ErrorCode.forStatus(504)).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
        assertThat(ErrorCode.forStatus(501)).isEqualTo(ErrorCode.INTERNAL_SERVER_ERROR);
        assertThat(ErrorCode.forStatus(422)).isEqualTo(ErrorCode.VALIDATION_ERROR);
    }
}
