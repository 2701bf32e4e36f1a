package io.gitinsight.gateway.config;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.gitinsight.gateway.client.AuthClient;
import io.gitinsight.gateway.client.HttpClients;
import io.gitinsight.gateway.proxy.BackendProxy;
import io.gitinsight.gateway.proxy.WebSocketTunnel;
import io.gitinsight.gateway.ratelimit.RateLimiter;
import io.gitinsight.gateway.routing.RouteTable;
import io.gitinsight.gateway.security.ApiKeyVerifier;
import io.gitinsight.gateway.security.Authenticator;
import io.gitinsight.gateway.security.ClientAddress;
import io.gitinsight.support.security.AccessTokenVerifier;
import io.gitinsight.support.security.JwksKeys;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;

/** Wires the gateway's plain classes (kept free of CDI so that tests can build them directly) from config. */
@ApplicationScoped
public class GatewayBeans {

    /** The contract's promise: a revoked key stops working everywhere within a minute. */
    static final Duration MAX_KEY_CACHE = Duration.ofSeconds(60);

    @Produces
    @Singleton
    RouteTable routeTable(GatewayConfig config) {
        return new RouteTable(config.prefix(), config.routes(), config.backends().keySet(), config.defaultTimeout());
    }

    @Produces
    @Singleton
    ClientAddress clientAddress(GatewayConfig config) {
        return new ClientAddress(config.trustedProxies().orElse(List.of()));
    }

    @Produces
    @Singleton
    RateLimiter rateLimiter(Redis redis, GatewayConfig config) {
        return new RateLimiter(redis, config.redisPrefix(), config.rateLimit().window(), config.rateLimit().slots());
    }

    @Produces
    @Singleton
    JwksKeys jwksKeys(AuthClient auth, GatewayConfig config) {
        return new JwksKeys(auth::jwks, config.jwt().jwksCacheTtl(), config.jwt().jwksRefetchFloor(), Clock.systemUTC());
    }

    @Produces
    @Singleton
    Authenticator authenticator(JwksKeys keys, AuthClient auth, Redis redis, GatewayConfig config) {
        Duration keyCache = config.apiKeys().cacheTtl().compareTo(MAX_KEY_CACHE) > 0 ? MAX_KEY_CACHE
                : config.apiKeys().cacheTtl();
        return new Authenticator(new AccessTokenVerifier(keys, config.jwt().issuer(), config.jwt().clockSkew()),
                new ApiKeyVerifier(auth::verify, redis, config.redisPrefix(), keyCache, Clock.systemUTC()));
    }

    @Produces
    @Singleton
    BackendProxy backendProxy(Vertx vertx, HttpClients clients, GatewayConfig config, MeterRegistry registry) {
        return new BackendProxy(clients.proxy(), config.connectTimeout().toMillis(),
                new WebSocketTunnel(vertx, clients.tunnels(), config.connectTimeout().toMillis(), config.maxWebSockets(),
                        registry));
    }
}
