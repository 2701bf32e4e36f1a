package io.gitinsight.ingestion.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.gitinsight.ingestion.client.AuthRestClient;
import io.gitinsight.ingestion.domain.Actor;
import io.gitinsight.model.security.Permission;
import io.gitinsight.support.security.CallerVerifier;
import io.smallrye.mutiny.Uni;

/**
 * Who is calling, verified here although the gateway verified it already (see {@link CallerVerifier}).
 * Writes need credentials and a permission (401, 403); reads take a guest too, but credentials that are
 * sent must be valid.
 */
@ApplicationScoped
public class ActorResolver {

    private final CallerVerifier callers;

    public ActorResolver(@RestClient AuthRestClient auth, @ConfigProperty(name = "gitinsight.auth.jwt-issuer") String issuer,
            @ConfigProperty(name = "gitinsight.internal-token") Optional<String> internalToken) {
        this.callers = new CallerVerifier(auth, issuer, internalToken.orElse(""));
    }

    /** The caller, who must hold {@code permission}. */
    public Uni<Actor> require(String authorization, String apiKey, Permission permission) {
        return callers.require(authorization, apiKey, permission).map(ActorResolver::actor);
    }

    /** The caller of a public read: a guest without credentials, else whoever the credentials name. */
    public Uni<Actor> optional(String authorization, String apiKey) {
        return callers.optional(authorization, apiKey).map(c -> c.map(ActorResolver::actor).orElse(Actor.guest()));
    }

    private static Actor actor(CallerVerifier.Verified caller) {
        return new Actor(caller.userId(), caller.login(), caller.admin());
    }
}
