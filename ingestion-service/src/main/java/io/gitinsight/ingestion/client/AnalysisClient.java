package io.gitinsight.ingestion.client;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.model.json.Json;
import io.gitinsight.support.error.ApiException;
import io.smallrye.mutiny.Uni;

/**
 * Which repositories analysis-service tracks. When it cannot say, the answer is an error, never "none":
 * a list that shows tracked repositories as untracked invites adding them twice.
 */
@ApplicationScoped
public class AnalysisClient {

    private final AnalysisRestClient rest;
    private final String internalToken;

    public AnalysisClient(@RestClient AnalysisRestClient rest,
            @ConfigProperty(name = "gitinsight.internal-token") Optional<String> internalToken) {
        this.rest = rest;
        this.internalToken = internalToken.orElse("");
    }

    /** Lowercased full name → GitInsight's repository id, for those of {@code fullNames} that are tracked. */
    public Uni<Map<String, UUID>> tracked(List<String> fullNames) {
        if (fullNames.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        ObjectNode body = Json.mapper().createObjectNode();
        body.putArray("full_names").addAll(fullNames.stream().map(Json.mapper().getNodeFactory()::textNode).toList());
        return rest.tracked(internalToken, body).onFailure().transform(e -> unavailable(503, "unreachable", e))
                .map(response -> {
                    String text = response.hasEntity() ? response.readEntity(String.class) : "";
                    if (response.getStatus() != 200) {
                        throw unavailable(502, "answered " + response.getStatus(), null);
                    }
                    return ids(text);
                });
    }

    private static Map<String, UUID> ids(String text) {
        try {
            Map<String, UUID> ids = new HashMap<>();
            JsonNode tracked = Json.mapper().readTree(text).path("tracked");
            tracked.fields().forEachRemaining(
                    e -> ids.put(e.getKey().toLowerCase(Locale.ROOT), UUID.fromString(e.getValue().asText())));
            return ids;
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw unavailable(502, "answered with a body that is not the tracked map", e);
        }
    }

    private static ApiException unavailable(int status, String why, Throwable cause) {
        return new ApiException(ErrorCode.UPSTREAM_UNAVAILABLE, status, "which repositories are tracked cannot be told "
                + "now: analysis-service " + why, Map.of("upstream", "analysis-service"), cause);
    }
}
