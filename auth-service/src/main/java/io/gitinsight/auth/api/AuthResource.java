package io.gitinsight.auth.api;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.gitinsight.auth.config.AuthConfig;
import io.gitinsight.auth.domain.User;
import io.gitinsight.auth.repository.UserRepository;
import io.gitinsight.auth.security.CallerResolver;
import io.gitinsight.auth.service.GitHubConnectionService;
import io.gitinsight.auth.service.LoginService;
import io.gitinsight.auth.service.TokenService;
import io.gitinsight.auth.service.TokenService.TokenPair;
import io.gitinsight.model.security.Permission;
import io.gitinsight.support.error.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** The login flow, token refresh and logout, and who the caller is (CONTRACT §2). */
@Path("/auth")
public class AuthResource {

    public record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {
    }

    /** The header an API key may come in (or as {@code Authorization: Bearer gik_…}). */
    public static final String API_KEY_HEADER = "X-API-Key";

    public record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn, Me user) {
        static TokenResponse of(TokenPair pair) {
            return new TokenResponse(pair.accessToken(), pair.refreshToken(), "Bearer", pair.expiresIn(),
                    Me.of(pair.user()));
        }
    }

    public record Me(UUID id, long githubId, String username, String name, String email, String avatarUrl,
            String role, List<String> permissions, Instant createdAt, Instant lastLogin) {
        static Me of(User user) {
            return of(user, user.role().permissions());
        }

        static Me of(User user, java.util.Set<Permission> permissions) {
            return new Me(user.id(), user.githubId(), user.username(), user.name(), user.email(), user.avatarUrl(),
                    user.role().value(), permissions.stream().map(Permission::value).sorted().toList(),
                    user.createdAt(), user.lastLogin());
        }
    }

    private final LoginService login;
    private final TokenService tokens;
    private final CallerResolver callers;
    private final UserRepository users;
    private final AuthConfig config;
    private final GitHubConnectionService connections;

    public AuthResource(LoginService login, TokenService tokens, CallerResolver callers, UserRepository users,
            AuthConfig config, GitHubConnectionService connections) {
        this.connections = connections;
        this.login = login;
        this.tokens = tokens;
        this.callers = callers;
        this.users = users;
        this.config = config;
    }

    @GET
    @Path("/github/login")
    public Uni<RestResponse<Void>> githubLogin(@RestQuery("redirect_uri") String redirectUri) {
        return login.authorizeUrl(redirectUri)
                .map(url -> RestResponse.ResponseBuilder.<Void> create(302).location(url).build());
    }

    @GET
    @Path("/github/callback")
    public Uni<RestResponse<TokenResponse>> githubCallback(@RestQuery String code, @RestQuery String state,
            @RestHeader(HttpHeaders.ACCEPT) String accept, HttpServerRequest request) {
        return login.callback(code, state, Clients.of(request)).map(pair -> {
            TokenResponse body = TokenResponse.of(pair);
            if (accept != null && accept.contains(MediaType.APPLICATION_JSON)) {
                return RestResponse.ok(body);
            }
            // the same fields as the JSON answer; the user as its JSON, URL-encoded (a SPA reads it with
            // JSON.parse(new URLSearchParams(location.hash.slice(1)).get("user")))
            String fragment = "access_token=" + enc(body.accessToken()) + "&refresh_token=" + enc(body.refreshToken())
                    + "&token_type=Bearer&expires_in=" + body.expiresIn() + "&user=" + enc(userJson(body.user()));
            return RestResponse.ResponseBuilder.<TokenResponse> create(302)
                    .location(URI.create(config.frontendUrl() + "#" + fragment)).build();
        });
    }

    @POST
    @Path("/refresh")
    public Uni<TokenResponse> refresh(@Valid @NotNull RefreshRequest body, HttpServerRequest request) {
        return tokens.refresh(body.refreshToken(), Clients.of(request)).map(TokenResponse::of);
    }

    @POST
    @Path("/logout")
    public Uni<RestResponse<Void>> logout(@RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RestHeader(API_KEY_HEADER) String apiKey, HttpServerRequest request) {
        var caller = callers.requireSession(authorization, apiKey);
        return tokens.logout(caller, Clients.of(request)).map(revoked -> RestResponse.noContent());
    }

    @DELETE
    @Path("/github")
    public Uni<RestResponse<Void>> disconnectGitHub(@RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RestHeader(API_KEY_HEADER) String apiKey, HttpServerRequest request) {
        var caller = callers.requireSession(authorization, apiKey);
        return connections.disconnect(caller, Clients.of(request)).map(ignored -> RestResponse.noContent());
    }

    @GET
    @Path("/me")
    public Uni<Me> me(@RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RestHeader(API_KEY_HEADER) String apiKey) {
        return callers.resolve(authorization, apiKey).chain(caller -> users.findById(caller.userId()).map(user -> {
            if (user == null) {
                throw ApiException.notFound("user", caller.userId());
            }
            // with an API key, what the key may do: its scopes within the owner's role
            return Me.of(user, caller.permissions());
        }));
    }

    private static String userJson(Me user) {
        try {
            return io.gitinsight.model.json.Json.mapper().writeValueAsString(user);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
