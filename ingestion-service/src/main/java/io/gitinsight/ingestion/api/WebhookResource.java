package io.gitinsight.ingestion.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.ingestion.service.WebhookService;
import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.support.error.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * {@code POST /webhooks/github} (CONTRACT §2 "Webhooks in"). The body is taken as raw bytes, because
 * the signature covers exactly what GitHub sent; GitHub's two content types are accepted.
 */
@Path("/webhooks/github")
public class WebhookResource {

    public record Answer(String status, String deliveryId) {
    }

    private static final Pattern EVENT = Pattern.compile("[a-z0-9_]{1,64}");
    private static final Pattern DELIVERY = Pattern.compile("[A-Za-z0-9-]{1,100}");

    private final WebhookService webhooks;

    public WebhookResource(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @POST
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED })
    public Uni<RestResponse<Answer>> receive(@RestHeader("X-GitHub-Event") String event,
            @RestHeader("X-GitHub-Delivery") String deliveryId, @RestHeader("X-Hub-Signature-256") String signature,
            @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body, HttpServerRequest request) {
        require("X-GitHub-Event", event, EVENT);
        require("X-GitHub-Delivery", deliveryId, DELIVERY);
        byte[] raw = body == null ? new byte[0] : body;
        // authenticate before reading: an unsigned body is never parsed
        webhooks.checkSignature(raw, signature);
        JsonNode payload = parse(raw, contentType);
        return webhooks.receive(event, deliveryId, raw, payload, headers(request)).map(outcome -> switch (outcome) {
            case PING -> RestResponse.ok(new Answer("pong", deliveryId));
            case DUPLICATE -> RestResponse.ok(new Answer("duplicate", deliveryId));
            case ACCEPTED -> RestResponse.accepted(new Answer("ok", deliveryId));
        });
    }

    private static JsonNode parse(byte[] raw, String contentType) {
        byte[] json = raw;
        if (contentType != null && contentType.startsWith(MediaType.APPLICATION_FORM_URLENCODED)) {
            json = formPayload(new String(raw, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        }
        JsonNode payload;
        try {
            payload = io.gitinsight.model.json.Json.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "the delivery body is not valid JSON",
                    Map.of("field", "body"));
        }
        if (payload == null || !payload.isObject()) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "the delivery body must be a JSON object",
                    Map.of("field", "body"));
        }
        return payload;
    }

    /** GitHub's form content type sends the JSON as the {@code payload} field. */
    private static String formPayload(String form) {
        for (String pair : form.split("&")) {
            if (pair.startsWith("payload=")) {
                return URLDecoder.decode(pair.substring(8), StandardCharsets.UTF_8);
            }
        }
        throw new ApiException(ErrorCode.VALIDATION_ERROR, "form deliveries carry their JSON in 'payload'",
                Map.of("field", "payload"));
    }

    private static void require(String header, String value, Pattern shape) {
        if (value == null || !shape.matcher(value).matches()) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, header + " is missing or malformed",
                    Map.of("field", header));
        }
    }

    /** The headers GitHub sets, kept with the delivery (the signature too: it proves nothing to a reader). */
    private static Map<String, String> headers(HttpServerRequest request) {
        Map<String, String> kept = new LinkedHashMap<>();
        request.headers().forEach(h -> {
            String name = h.getKey().toLowerCase(java.util.Locale.ROOT);
            if (name.startsWith("x-github-") || name.startsWith("x-hub-") || name.equals("user-agent")
                    || name.equals("content-type")) {
                kept.put(name, h.getValue());
            }
        });
        return kept;
    }
}
