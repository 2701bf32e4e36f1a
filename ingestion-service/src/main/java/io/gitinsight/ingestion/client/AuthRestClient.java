package io.gitinsight.ingestion.client;

import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.support.security.CallerVerifier;
import io.gitinsight.support.security.InternalCallers;
import io.smallrye.mutiny.Uni;

/**
 * auth-service as ingestion uses it: its public keys and API-key check (to verify callers), and a user's
 * GitHub token (to reach what only that user may see). Every status comes back as a {@link Response}.
 */
@RegisterRestClient(configKey = "auth")
public interface AuthRestClient extends CallerVerifier.AuthEndpoints {

    @GET
    @Path("/.well-known/jwks.json")
    @Override
    Uni<Response> jwks();

    @POST
    @Path("/internal/api-keys/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Override
    Uni<Response> verifyApiKey(@HeaderParam(InternalCallers.HEADER) String token, JsonNode body);

    @GET
    @Path("/internal/users/{id}/github-token")
    Uni<Response> githubToken(@HeaderParam(InternalCallers.HEADER) String token, @PathParam("id") UUID userId);
}
