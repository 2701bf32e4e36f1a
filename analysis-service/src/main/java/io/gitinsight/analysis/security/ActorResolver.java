package io.gitinsight.analysis.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.gitinsight.analysis.client.AuthRestClient;
import io.gitinsight.analysis.domain.Actor;
import io.gitinsight.model.security.Permission;
import io.gitinsight.support.security.CallerVerifier;
import io.smallrye.mutiny.Uni;

/**
 * Who is calling, verified here although the gateway verified it already (see {@link CallerVerifier}): a write
 * without credentials → 401, with too few permissions → 403; a read takes a guest.
 */
@ApplicationScoped
public class ActorResolver {

    private final CallerVerifier callers;

    public ActorResolver(@RestClient AuthRestClient auth, @ConfigProperty(name = "gitinsight.auth.jwt-issuer") String issuer,
            @ConfigProperty(name = "gitinsight.internal-token") Optional<String> internalToken) {
        this.callers = new CallerVerifier(auth, issuer, internalToken.orElse(""));
    }

    public Uni<Actor> require(String authorization, String apiKey, Permission permission) {
        return callers.require(authorization, apiKey, permission).map(ActorResolver::actor);
    }

    /** The caller of a public read: null for a guest; credentials that are sent must be valid. */
    public Uni<Actor> optional(String authorization, String apiKey) {
        return callers.optional(authorization, apiKey).map(c -> c.map(ActorResolver::actor).orElse(null));
    }

    private static Actor actor(CallerVerifier.Verified c) {
        return new Actor(c.userId(), c.login(), c.admin());
    }
}
