package io.gitinsight.auth.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** Calls GitHub makes the OAuth app itself authenticate for (Basic with client id and secret). */
@RegisterRestClient(configKey = "github-api")
@ClientHeaderParam(name = "Accept", value = "application/vnd.github+json")
@ClientHeaderParam(name = "X-GitHub-Api-Version", value = "2022-11-28")
@ClientHeaderParam(name = "User-Agent", value = "GitInsight")
public interface GitHubAppClient {

    record GrantRevocation(String accessToken) {
    }

    /** Revokes the user's whole authorization of the app: every token it issued for them. */
    @DELETE
    @Path("/applications/{clientId}/grant")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Void> revokeGrant(@PathParam("clientId") String clientId, @HeaderParam("Authorization") String basic,
            GrantRevocation body);
}
