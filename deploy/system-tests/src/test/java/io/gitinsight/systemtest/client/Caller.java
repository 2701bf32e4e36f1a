package io.gitinsight.systemtest.client;

import java.util.Map;

/** Who a request speaks for: the headers that say so to the gateway. */
public record Caller(String description, Map<String, String> headers) {

    /** No credentials, from this machine. */
    public static final Caller GUEST = new Caller("guest", Map.of());

    /** No credentials, from another address: the gateway trusts this machine's X-Forwarded-For. */
    public static Caller guestAt(String address) {
        return new Caller("guest at " + address, Map.of("X-Forwarded-For", address));
    }

    public static Caller bearer(String description, String accessToken) {
        return new Caller(description, Map.of("Authorization", "Bearer " + accessToken));
    }

    public static Caller apiKey(String description, String key) {
        return new Caller(description, Map.of("X-API-Key", key));
    }

    @Override
    public String toString() {
        return description;
    }
}
