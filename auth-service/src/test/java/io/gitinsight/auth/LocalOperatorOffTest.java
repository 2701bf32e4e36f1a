package io.gitinsight.auth;

import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Everywhere but the local profile the operator session does not exist, not even for internal callers. */
@QuarkusTest
@QuarkusTestResource(GitHubFake.class)
@TestProfile(LocalOperatorOffTest.Off.class)
class LocalOperatorOffTest {

    public static class Off implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gitinsight.auth.local-operator", "false");
        }
    }

    @Test
    void answersNotFoundEvenToInternalCallers() {
        LocalOperatorTest.session(LocalOperatorTest.INTERNAL).then().statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"))
                .body("error.details.setting", equalTo("GITINSIGHT_LOCAL_OPERATOR"));
    }
}
