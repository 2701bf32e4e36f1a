package io.gitinsight.systemtest.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** GitHub delivering webhooks to the gateway: its headers, and the body signed with the shared secret. */
public final class Webhooks {

    private final Api api;
    private final String secret;

    public Webhooks(Api api, String secret) {
        this.api = api;
        this.secret = secret;
    }

    /** Delivers {@code body} as GitHub would, under a fresh delivery id; returns the gateway's answer. */
    public Delivery deliver(String event, byte[] body) {
        String id = UUID.randomUUID().toString();
        return new Delivery(id, event, deliver(event, id, body, signature(secret, body)));
    }

    public ApiResponse deliver(String event, String deliveryId, byte[] body, String signature) {
        return api.send("POST", "/webhooks/github", body, Caller.GUEST,
                Map.of("X-GitHub-Event", event, "X-GitHub-Delivery", deliveryId, "X-Hub-Signature-256", signature,
                        "User-Agent", "GitHub-Hookshot/7a3b5c1"));
    }

    /** {@code sha256=} and the hex HMAC-SHA256 of the raw body. */
    public static String signature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One delivery and the gateway's answer to it. */
    public record Delivery(String id, String event, ApiResponse response) {
    }
}
