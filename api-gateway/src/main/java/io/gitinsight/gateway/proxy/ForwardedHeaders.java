package io.gitinsight.gateway.proxy;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.gitinsight.gateway.security.ClientAddress;
import io.gitinsight.support.trace.TraceIdFilter;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * The headers a backend receives. Backends must be able to trust what the gateway says about the
 * caller, so nothing a client sends may look like the gateway speaking: identity headers are dropped,
 * {@code X-Forwarded-*} and {@code Forwarded} are believed only from a trusted proxy and otherwise
 * replaced by what the gateway saw, and {@code X-Request-Id} is the trace id the gateway answers with.
 * The client's own credentials ({@code Authorization}, {@code X-API-Key}) pass on, for the backends to
 * verify themselves.
 */
final class ForwardedHeaders {

    /** Names or name prefixes a client may not send on (lower case). */
    private static final List<String> DROPPED_PREFIXES = List.of("x-user", "x-gateway", "x-internal", "x-auth",
            "x-remote-", "x-caller", "x-client-ip", "x-real-ip", "x-original-", "x-forwarded-", "x-rate-limit",
            "x-ratelimit");
    private static final Set<String> DROPPED = Set.of("forwarded", "x-request-id", "remote-user", "true-client-ip",
            "cf-connecting-ip");

    private ForwardedHeaders() {
    }

    static MultiMap forBackend(HttpServerRequest request, ClientAddress addresses, String traceId) {
        String peer = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        boolean trustedPeer = addresses.isTrusted(peer);
        Set<String> named = namedInConnection(request.headers());
        MultiMap out = MultiMap.caseInsensitiveMultiMap();
        request.headers().forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!DROPPED.contains(name) && !named.contains(name) && !dropped(name)) {
                out.add(header.getKey(), header.getValue());
            }
        });
        out.set("X-Forwarded-For", addresses.forwardedFor(peer, request.headers().getAll("X-Forwarded-For")));
        String proto = trustedPeer ? request.getHeader("X-Forwarded-Proto") : null;
        out.set("X-Forwarded-Proto", proto != null ? proto : request.scheme());
        String host = trustedPeer ? request.getHeader("X-Forwarded-Host") : null;
        String authority = request.getHeader(HttpHeaders.HOST);
        if (host != null || authority != null) {
            out.set("X-Forwarded-Host", host != null ? host : authority);
        }
        out.set(TraceIdFilter.HEADER, traceId);
        return out;
    }

    private static boolean dropped(String name) {
        return DROPPED_PREFIXES.stream().anyMatch(name::startsWith);
    }

    /** Headers a client marks hop-by-hop by naming them in {@code Connection}, except the upgrade itself. */
    private static Set<String> namedInConnection(MultiMap headers) {
        Set<String> named = new HashSet<>();
        for (String value : headers.getAll(HttpHeaders.CONNECTION)) {
            for (String token : value.split(",")) {
                String name = token.trim().toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && !name.equals("upgrade") && !name.equals("keep-alive") && !name.equals("close")) {
                    named.add(name);
                }
            }
        }
        return named;
    }
}
