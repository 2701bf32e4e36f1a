package io.gitinsight.auth.api;

import io.gitinsight.auth.domain.ClientInfo;
import io.vertx.core.http.HttpServerRequest;

/**
 * The client's address and agent for the audit log. Behind the gateway the peer is the gateway, which
 * sets {@code X-Forwarded-For} from the address it trusts; its first entry is the client.
 */
final class Clients {

    private Clients() {
    }

    static ClientInfo of(HttpServerRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        String ip = forwarded != null && !forwarded.isBlank() ? forwarded.split(",")[0].trim()
                : request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        String agent = request.getHeader("User-Agent");
        return new ClientInfo(truncate(ip, 64), truncate(agent, 512));
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
