package io.gitinsight.ingestion.domain;

import java.util.UUID;

/** Who is calling: a verified user (a token's subject or an API key's owner), or a guest without credentials. */
public record Actor(UUID userId, String login, boolean admin) {

    public static Actor guest() {
        return new Actor(null, null, false);
    }

    public boolean isGuest() {
        return userId == null;
    }
}
