package io.gitinsight.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;

/** Checks an answer is the contract's error body with this status and code, and its trace id is the answer's. */
final class ErrorAnswers {

    private ErrorAnswers() {
    }

    static Response assertError(Response response, int status, String code) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.jsonPath().getString("error.code")).isEqualTo(code);
        assertThat(response.jsonPath().getString("error.message")).isNotBlank();
        assertThat(response.jsonPath().getMap("error.details")).isNotNull();
        assertThat(response.jsonPath().getString("error.trace_id")).isNotBlank()
                .isEqualTo(response.header("X-Request-Id"));
        return response;
    }
}
