package io.gitinsight.query.domain;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import io.gitinsight.support.security.Digests;

/**
 * Which private repositories a list may show its caller: none (guests, and users who follow none), the ones
 * they follow, or all of them (admins). Lists are cached per {@link #tag()}, so that everyone who may see
 * only public repositories shares one entry.
 */
public record Viewer(boolean admin, List<UUID> privateRepositories) {

    public static final Viewer PUBLIC = new Viewer(false, List.of());
    public static final Viewer ADMIN = new Viewer(true, List.of());

    public Viewer {
        privateRepositories = privateRepositories.stream().sorted().toList();
    }

    public String tag() {
        if (admin) {
            return "all";
        }
        return privateRepositories.isEmpty() ? "public"
                : Digests.sha256Hex(privateRepositories.stream().map(UUID::toString).collect(Collectors.joining(",")));
    }

    public UUID[] privateIds() {
        return privateRepositories.toArray(UUID[]::new);
    }
}
