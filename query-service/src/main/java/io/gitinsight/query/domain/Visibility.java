package io.gitinsight.query.domain;

import java.util.Set;
import java.util.UUID;

/**
 * Who may see a repository: anyone when it is public; when it is private ({@code restricted}), only admins
 * and the users who follow it. An unknown repository is public here: its reads answer 404 on their own.
 */
public record Visibility(boolean restricted, Set<UUID> followers) {

    public static final Visibility PUBLIC = new Visibility(false, Set.of());

    public Visibility {
        followers = Set.copyOf(followers);
    }

    /** Whether the user ({@code null} for a guest) sees the repository. */
    public boolean allows(UUID userId, boolean admin) {
        return !restricted || admin || (userId != null && followers.contains(userId));
    }
}
