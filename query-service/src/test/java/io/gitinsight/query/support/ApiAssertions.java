package io.gitinsight.query.support;

import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.Response;

/** The contract's error body, as every failing answer must carry it. */
public final class ApiAssertions {

    private ApiAssertions() {
    }

    public static Response assertError(Response response, int status, String code) {
        response.then().statusCode(status).body("error.code", equalTo(code));
        return response;
    }

    /** A 400 VALIDATION_ERROR naming {@code field}. */
    public static Response assertInvalid(Response response, String field) {
        return assertError(response, 400, "VALIDATION_ERROR").then().body("error.details.field", equalTo(field))
                .extract().response();
    }
}
