package io.gitinsight.auth.client;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** The signed-in user's own resources at {@code GITHUB_API_URL}, read with their OAuth token. */
@RegisterRestClient(configKey = "github-api")
@ClientHeaderParam(name = "Accept", value = "application/vnd.github+json")
@ClientHeaderParam(name = "X-GitHub-Api-Version", value = "2022-11-28")
@ClientHeaderParam(name = "User-Agent", value = "GitInsight")
public interface GitHubUserClient {

    record GitHubUser(long id, String login, String name, String email, String avatarUrl, String bio, String location,
            String company, Instant createdAt) {
    }

    record GitHubEmail(String email, boolean primary, boolean verified) {
    }

    @GET
    @Path("/user")
    Uni<GitHubUser> user(@HeaderParam("Authorization") String authorization);

    @GET
    @Path("/user/emails")
    Uni<List<GitHubEmail>> emails(@HeaderParam("Authorization") String authorization);
}
