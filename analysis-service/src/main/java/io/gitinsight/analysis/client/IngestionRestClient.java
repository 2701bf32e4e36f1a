package io.gitinsight.analysis.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.gitinsight.support.security.InternalCallers;
import io.smallrye.mutiny.Uni;

/** ingestion-service's internal endpoints, as analysis calls them (every status comes back as a Response). */
@RegisterRestClient(configKey = "ingestion")
@Path("/internal/github")
public interface IngestionRestClient {

    @GET
    @Path("/repositories/{owner}/{name}")
    Uni<Response> repository(@PathParam("owner") String owner, @PathParam("name") String name,
            @HeaderParam(InternalCallers.HEADER) String token);

    @POST
    @Path("/repositories/{owner}/{name}/webhook")
    Uni<Response> registerWebhook(@PathParam("owner") String owner, @PathParam("name") String name,
            @HeaderParam(InternalCallers.HEADER) String token);

    @GET
    @Path("/users/{login}/activity")
    Uni<Response> userActivity(@PathParam("login") String login, @jakarta.ws.rs.QueryParam("since") String since,
            @HeaderParam(InternalCallers.HEADER) String token);
}
