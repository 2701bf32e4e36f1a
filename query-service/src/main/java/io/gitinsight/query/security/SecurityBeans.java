package io.gitinsight.query.security;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.gitinsight.query.config.QueryConfig;
import io.gitinsight.support.security.AccessTokenVerifier;
import io.gitinsight.support.security.JwksKeys;

/** Wires the shared token verification (service-support) to auth-service's JWKS. */
@ApplicationScoped
public class SecurityBeans {

    @Produces
    @Singleton
    AccessTokenVerifier accessTokens(AuthServiceClient auth, QueryConfig config) {
        QueryConfig.Auth settings = config.auth();
        JwksKeys keys = new JwksKeys(auth::jwks, settings.jwksCacheTtl(), settings.jwksRefetchFloor(), Clock.systemUTC());
        return new AccessTokenVerifier(keys, settings.issuer(), settings.clockSkew());
    }
}
