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
 * Who is calling a write endpoint, verified here although the gateway verified it already (see
 * {@link CallerVerifier}): no credentials → 401, too few permissions → 403.
 */
@ApplicationScoped
public class ActorResolver {

    private final CallerVerifier callers;

    public ActorResolver(@RestClient AuthRestClient auth, @ConfigProperty(name = "gitinsight.auth.jwt-issuer") String issuer,
            @ConfigProperty(name = "gitinsight.internal-token") Optional<String> internalToken) {
        this.callers = new CallerVerifier(auth, issuer, internalToken.orElse(""));
    }

    public Uni<Actor> require(String authorization, String apiKey, Permission permission) {
        return callers.require(authorization, apiKey, permission).map(c -> new Actor(c.userId(), c.login(), c.admin()));
    }
}
