package io.gitinsight.analysis.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.support.security.CallerVerifier;
import io.gitinsight.support.security.InternalCallers;
import io.smallrye.mutiny.Uni;

/** auth-service as a backend uses it: its public keys and the internal API-key check. */
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
}
