package io.gitinsight.query.domain;

import java.util.UUID;

/** One answer of {@code /fast/search}; {@code score} is pg_trgm's word similarity of the query, 0..1. */
public record SearchHit(UUID id, String fullName, String description, String language, int stars, double score) {
}
