package io.gitinsight.ingestion.client;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/**
 * The raw REST transport to {@code GITHUB_API_URL}: any path and query, conditional headers in,
 * every status and header out. Paging, budgets, caching and retries live in {@link GitHubClient}.
 */
@RegisterRestClient(configKey = "github")
@ClientHeaderParam(name = "Accept", value = "application/vnd.github+json")
@ClientHeaderParam(name = "X-GitHub-Api-Version", value = "2022-11-28")
@ClientHeaderParam(name = "User-Agent", value = "GitInsight")
public interface GitHubRestClient {

    @GET
    @Path("/{path: .+}")
    Uni<Response> get(@PathParam("path") @Encoded String path, @RestQuery Map<String, String> query,
            @HeaderParam("Authorization") String authorization, @HeaderParam("If-None-Match") String ifNoneMatch,
            @HeaderParam("If-Modified-Since") String ifModifiedSince);

    @POST
    @Path("/{path: .+}")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> post(@PathParam("path") @Encoded String path, @HeaderParam("Authorization") String authorization,
            JsonNode body);
}
