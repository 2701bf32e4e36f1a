package io.gitinsight.analysis.domain;

import java.util.UUID;

/** Who asked: the authenticated user behind a request (a token's subject or an API key's owner). */
public record Actor(UUID userId, String login, boolean admin) {
}
