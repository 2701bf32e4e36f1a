package io.gitinsight.systemtest.github;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** GitHub's own example payloads (copied from ../shared/fixtures/github into src/test/resources/github). */
public final class Fixtures {

    public static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    /** A REST example response, e.g. {@code get_repos_OWNER_REPO_pulls.json}. */
    public static JsonNode rest(String name) {
        try {
            return JSON.readTree(bytes("rest/" + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A webhook payload example, e.g. {@code pull_request/opened.payload.json}, exactly as stored. */
    public static byte[] webhook(String path) {
        return bytes("webhooks/" + path);
    }

    private static byte[] bytes(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/github/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture github/" + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
