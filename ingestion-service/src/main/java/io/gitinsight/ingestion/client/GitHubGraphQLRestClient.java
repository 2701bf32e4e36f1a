package io.gitinsight.ingestion.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/**
 * The raw transport to {@code GITHUB_GRAPHQL_URL}: one POST of {@code {query, variables}}, every status
 * and header out. Budgets, retries and error handling live in {@link GitHubGraphQLClient}.
 */
@RegisterRestClient(configKey = "github-graphql")
@ClientHeaderParam(name = "Accept", value = "application/json")
@ClientHeaderParam(name = "User-Agent", value = "GitInsight")
public interface GitHubGraphQLRestClient {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> post(@HeaderParam("Authorization") String authorization, JsonNode body);
}
