package io.gitinsight.ingestion.client;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.ingestion.config.GitHubConfig;
import io.gitinsight.model.json.Json;
import io.gitinsight.support.security.Digests;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;

/**
 * Remembers, per token and URL, GitHub's {@code ETag}/{@code Last-Modified} with the body they describe,
 * in Redis, so that every replica can ask conditionally and an unchanged resource costs a free 304.
 * Keyed per token because GitHub's answers depend on who asks.
 */
@ApplicationScoped
public class EtagCache {

    public record Entry(String etag, String lastModified, String body) {
    }

    private static final String PREFIX = "ingestion:etag:";

    private final ReactiveValueCommands<String, String> values;
    private final GitHubConfig config;

    public EtagCache(ReactiveRedisDataSource redis, GitHubConfig config) {
        this.values = redis.value(String.class);
        this.config = config;
    }

    public Uni<Entry> get(String tokenKey, String url) {
        return values.get(key(tokenKey, url)).map(json -> {
            if (json == null) {
                return null;
            }
            try {
                return Json.mapper().readValue(json, Entry.class);
            } catch (java.io.IOException e) {
                return null; // an unreadable entry is a miss
            }
        });
    }

    public Uni<Void> put(String tokenKey, String url, Entry entry) {
        try {
            return values.setex(key(tokenKey, url), config.cacheTtl().toSeconds(), Json.mapper().writeValueAsString(entry));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Uni.createFrom().voidItem();
        }
    }

    private static String key(String tokenKey, String url) {
        return PREFIX + Digests.sha256Hex(tokenKey + "|" + url);
    }
}
