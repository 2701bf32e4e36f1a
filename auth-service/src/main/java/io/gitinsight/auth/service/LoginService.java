package io.gitinsight.auth.service;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.gitinsight.auth.client.GitHubOAuthClient;
import io.gitinsight.auth.client.GitHubUserClient;
import io.gitinsight.auth.client.GitHubUserClient.GitHubEmail;
import io.gitinsight.auth.config.AuthConfig;
import io.gitinsight.auth.domain.AuditEntry;
import io.gitinsight.auth.domain.ClientInfo;
import io.gitinsight.auth.domain.GitHubProfile;
import io.gitinsight.auth.repository.GitHubTokenRepository;
import io.gitinsight.auth.repository.UserRepository;
import io.gitinsight.auth.security.SecretCipher;
import io.gitinsight.auth.service.TokenService.TokenPair;
import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.model.security.Role;
import io.gitinsight.support.error.ApiException;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The GitHub OAuth code flow. The {@code state} is single use: kept in Redis for ten minutes and taken
 * with GETDEL, so a replayed callback finds nothing. GitHub refusing the code is a 401, GitHub being
 * unreachable a 502, never a 500.
 */
@ApplicationScoped
public class LoginService {

    private static final Logger LOG = Logger.getLogger(LoginService.class);
    static final Duration STATE_TTL = Duration.ofMinutes(10);
    private static final String STATE_KEY = "auth:oauth-state:";

    private final SecureRandom random = new SecureRandom();
    private final AuthConfig config;
    private final ReactiveValueCommands<String, String> states;
    private final GitHubOAuthClient oauth;
    private final GitHubUserClient github;
    private final Pool pool;
    private final UserRepository users;
    private final GitHubTokenRepository githubTokens;
    private final SecretCipher cipher;
    private final TokenService tokens;
    private final AuditService audit;

    public LoginService(AuthConfig config, ReactiveRedisDataSource redis, @RestClient GitHubOAuthClient oauth,
            @RestClient GitHubUserClient github, Pool pool, UserRepository users, GitHubTokenRepository githubTokens,
            SecretCipher cipher, TokenService tokens, AuditService audit) {
        this.config = config;
        this.states = redis.value(String.class);
        this.oauth = oauth;
        this.github = github;
        this.pool = pool;
        this.users = users;
        this.githubTokens = githubTokens;
        this.cipher = cipher;
        this.tokens = tokens;
        this.audit = audit;
    }

    /** Where to send the browser: GitHub's authorize page with a fresh single-use state. */
    public Uni<URI> authorizeUrl(String redirectUri) {
        String clientId = clientId();
        if (redirectUri != null && !redirectUri.matches("https?://[^\\s]{1,2000}")) {
            throw ApiException.invalid("redirect_uri", "redirect_uri must be an http(s) URL");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String stored = redirectUri == null ? "" : redirectUri;
        return states.set(STATE_KEY + state, stored, new SetArgs().ex(STATE_TTL).nx()).map(ignored -> {
            StringBuilder url = new StringBuilder(config.github().webUrl()).append("/login/oauth/authorize")
                    .append("?client_id=").append(encode(clientId)).append("&scope=")
                    .append(encode(config.github().scopes())).append("&state=").append(state);
            if (redirectUri != null) {
                url.append("&redirect_uri=").append(encode(redirectUri));
            }
            return URI.create(url.toString());
        });
    }

    public Uni<TokenPair> callback(String code, String state, ClientInfo client) {
        if (state == null || state.isBlank()) {
            throw ApiException.invalid("state", "state is required");
        }
        if (code == null || code.isBlank()) {
            throw ApiException.invalid("code", "code is required");
        }
        return states.getdel(STATE_KEY + state).chain(redirectUri -> {
            if (redirectUri == null) {
                return Uni.createFrom().failure(ApiException.invalid("state", "unknown, expired or already used state"));
            }
            return exchange(code, redirectUri.isEmpty() ? null : redirectUri)
                    .chain(token -> profile("Bearer " + token.accessToken())
                            .chain(profile -> signIn(profile, token, client)));
        });
    }

    private Uni<GitHubOAuthClient.AccessTokenResponse> exchange(String code, String redirectUri) {
        return oauth.exchange(clientId(), config.github().clientSecret().orElse(""), code, redirectUri)
                .onFailure().transform(e -> upstream("exchanging the code", e))
                .invoke(token -> {
                    if (token.error() != null || token.accessToken() == null) {
                        throw new ApiException(ErrorCode.AUTHENTICATION_REQUIRED, "GitHub refused the code: "
                                + (token.errorDescription() != null ? token.errorDescription() : token.error()),
                                Map.of("github_error", String.valueOf(token.error())));
                    }
                });
    }

    private Uni<GitHubProfile> profile(String authorization) {
        return github.user(authorization).onFailure().transform(e -> upstream("reading /user", e)).chain(user -> {
            GitHubProfile profile = new GitHubProfile(user.id(), user.login(), user.name(), user.email(),
                    user.avatarUrl(), user.bio(), user.location(), user.company(), user.createdAt());
            if (user.email() != null) {
                return Uni.createFrom().item(profile);
            }
            // private email: ask /user/emails (user:email scope) for the primary verified one
            return github.emails(authorization).map(emails -> profile.withEmail(primary(emails)))
                    .onFailure().recoverWithItem(profile);
        });
    }

    private Uni<TokenPair> signIn(GitHubProfile profile, GitHubOAuthClient.AccessTokenResponse token, ClientInfo client) {
        Role roleIfNew = isAdminLogin(profile.login()) ? Role.ADMIN : Role.USER;
        SecretCipher.Sealed sealed = cipher.seal(token.accessToken().getBytes(StandardCharsets.UTF_8));
        return pool.withTransaction(db -> users.upsert(db, profile, roleIfNew, Instant.now())
                .call(user -> githubTokens.save(db, user.id(), sealed, token.scope()))
                .call(user -> audit.record(db, new AuditEntry(user.id(), user.username(), AuditEntry.Action.LOGIN,
                        "user:" + user.id(), client.ip(), client.userAgent(), Map.of("github_id", user.githubId()))))
                .chain(user -> tokens.issue(db, user)));
    }

    private boolean isAdminLogin(String login) {
        List<String> admins = config.adminLogins().orElse(List.of());
        return admins.stream().map(String::trim).anyMatch(a -> a.equalsIgnoreCase(login));
    }

    private String clientId() {
        return config.github().clientId().filter(id -> !id.isBlank())
                .orElseThrow(() -> new ApiException(ErrorCode.UPSTREAM_UNAVAILABLE,
                        "GitHub login is not configured (GITHUB_CLIENT_ID)"));
    }

    private static String primary(List<GitHubEmail> emails) {
        return emails.stream().filter(e -> e.primary() && e.verified()).map(GitHubEmail::email).findFirst()
                .orElse(null);
    }

    private static Throwable upstream(String step, Throwable e) {
        if (e instanceof ApiException) {
            return e;
        }
        String why = e instanceof WebApplicationException w ? "GitHub answered " + w.getResponse().getStatus()
                : e instanceof ProcessingException ? "GitHub unreachable" : e.getClass().getSimpleName();
        LOG.warnf("GitHub failed while %s: %s", step, why);
        return new ApiException(ErrorCode.UPSTREAM_UNAVAILABLE, 502, "GitHub failed while " + step + ": " + why,
                Map.of("upstream", "github"), e);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
