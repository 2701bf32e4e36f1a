package io.gitinsight.ingestion.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.support.security.InternalCallers;
import io.smallrye.mutiny.Uni;

/** analysis-service's internal endpoint telling which GitHub repositories GitInsight tracks. */
@RegisterRestClient(configKey = "analysis")
public interface AnalysisRestClient {

    @POST
    @Path("/internal/repositories/tracked")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> tracked(@HeaderParam(InternalCallers.HEADER) String token, JsonNode body);
}
