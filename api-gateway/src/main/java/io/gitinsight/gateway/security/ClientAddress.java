package io.gitinsight.gateway.security;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides who the client is: the direct peer, unless that peer is a configured trusted proxy, in which
 * case {@code X-Forwarded-For} is read from the right, skipping further trusted proxies, and the first
 * address not trusted is the client. A client can put anything at the left of that header, so only what
 * our own proxies appended is believed; from an untrusted peer the header is ignored entirely.
 */
public final class ClientAddress {

    private final List<Cidr> trusted;

    public ClientAddress(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().filter(s -> !s.isBlank()).map(Cidr::parse).toList();
    }

    public boolean isTrusted(String address) {
        return trusted.stream().anyMatch(cidr -> cidr.contains(address));
    }

    /**
     * @param peer the address of the TCP peer
     * @param forwardedFor the {@code X-Forwarded-For} values as received (several headers allowed)
     */
    public String resolve(String peer, List<String> forwardedFor) {
        if (!isTrusted(peer) || forwardedFor.isEmpty()) {
            return peer;
        }
        List<String> hops = hops(forwardedFor);
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (Cidr.literal(hop) == null) {
                return peer;
            }
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return hops.isEmpty() ? peer : hops.get(0);
    }

    /** The {@code X-Forwarded-For} to send on: the believed chain plus the peer itself. */
    public String forwardedFor(String peer, List<String> forwardedFor) {
        if (!isTrusted(peer) || forwardedFor.isEmpty()) {
            return peer;
        }
        List<String> chain = new ArrayList<>(hops(forwardedFor));
        chain.add(peer);
        return String.join(", ", chain);
    }

    private static List<String> hops(List<String> headers) {
        List<String> hops = new ArrayList<>();
        for (String header : headers) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(stripPort(hop.trim()));
                }
            }
        }
        return hops;
    }

    /** {@code 203.0.113.7:5123} → {@code 203.0.113.7}; {@code [2001:db8::1]:443} → {@code 2001:db8::1}. */
    private static String stripPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end > 0 ? hop.substring(1, end) : hop;
        }
        int colon = hop.indexOf(':');
        return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }
}
