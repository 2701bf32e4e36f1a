package io.gitinsight.auth.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** GitHub's OAuth web flow at {@code GITHUB_WEB_URL}. */
@RegisterRestClient(configKey = "github-web")
@Path("/login/oauth")
public interface GitHubOAuthClient {

    /**
     * GitHub answers 200 even when it refuses the code, with {@code error} set (for example
     * {@code bad_verification_code}).
     */
    record AccessTokenResponse(String accessToken, String tokenType, String scope, String error,
            String errorDescription) {
    }

    @POST
    @Path("/access_token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<AccessTokenResponse> exchange(@FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret, @FormParam("code") String code,
            @FormParam("redirect_uri") String redirectUri);
}
