package io.gitinsight.analysis.client;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.model.json.Json;
import io.gitinsight.support.error.ApiException;
import io.smallrye.mutiny.Uni;

/**
 * What analysis asks ingestion (which owns every conversation with GitHub): whether GitHub knows a
 * repository, to register its webhook, and a user's public activity. ingestion's own 4xx answers
 * (unknown repository, malformed name) pass through to the caller; anything else is ingestion or GitHub
 * being unavailable.
 */
@ApplicationScoped
public class IngestionClient {

    private final IngestionRestClient rest;
    private final String token;

    public IngestionClient(@RestClient IngestionRestClient rest,
            @ConfigProperty(name = "gitinsight.internal-token") Optional<String> token) {
        this.rest = rest;
        this.token = token.orElse("");
    }

    /** GitHub's metadata of {@code owner/name} (ingestion's RepositoryMetadata, snake_case). */
    public Uni<JsonNode> repository(String owner, String name) {
        return call(rest.repository(owner, name, token), owner + "/" + name);
    }

    public Uni<JsonNode> registerWebhook(String owner, String name) {
        return call(rest.registerWebhook(owner, name, token), owner + "/" + name);
    }

    /** The user's public activity since a time: {@code {events: [{kind, occurred_at, repository}]}}. */
    public Uni<JsonNode> userActivity(String login, Instant since) {
        return call(rest.userActivity(login, since.toString(), token), login);
    }

    private static Uni<JsonNode> call(Uni<Response> request, String subject) {
        return request.onFailure(jakarta.ws.rs.WebApplicationException.class)
                .recoverWithItem(e -> ((jakarta.ws.rs.WebApplicationException) e).getResponse())
                .onFailure().transform(e -> unavailable(subject, e.getMessage(), e)).map(response -> {
                    String body = response.hasEntity() ? response.readEntity(String.class) : "";
                    JsonNode json = parse(body);
                    int status = response.getStatus();
                    if (status < 300) {
                        return json;
                    }
                    JsonNode error = json.path("error");
                    if (status == 400 || status == 404) {
                        ErrorCode code = code(error.path("code").asText(),
                                status == 404 ? ErrorCode.NOT_FOUND : ErrorCode.VALIDATION_ERROR);
                        Map<String, Object> details = error.path("details").isObject()
                                ? Json.mapper().convertValue(error.path("details"), Map.class)
                                : Map.of();
                        throw new ApiException(code, status, error.path("message").asText("ingestion refused " + subject),
                                details, null);
                    }
                    throw unavailable(subject, "ingestion answered " + status + ": " + error.path("message").asText(""), null);
                });
    }

    private static ErrorCode code(String name, ErrorCode fallback) {
        try {
            return ErrorCode.valueOf(name);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body.isBlank() ? Json.mapper().createObjectNode() : Json.mapper().readTree(body);
        } catch (java.io.IOException e) {
            return Json.mapper().createObjectNode();
        }
    }

    private static ApiException unavailable(String subject, String message, Throwable cause) {
        return new ApiException(ErrorCode.UPSTREAM_UNAVAILABLE, 502, "GitHub could not be asked about " + subject
                + " (ingestion-service: " + message + ")", Map.of("upstream", "ingestion-service"), cause);
    }
}
