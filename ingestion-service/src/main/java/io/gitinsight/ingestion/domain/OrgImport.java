package io.gitinsight.ingestion.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * An organization's import: the current or last attempt ({@code status}, {@code startedAt},
 * {@code errorMessage}) and the data of the last completed one ({@code importedAt}, who imported it and
 * with whose token). A re-import leaves the previous data readable until it completes.
 */
public record OrgImport(String org, String login, long githubId, UUID attemptId, String status, UUID startedBy,
        Instant startedAt, String errorMessage, Instant importedAt, UUID importedBy, String tokenSource) {

    /** The other states are {@code completed} and {@code failed}. */
    public static final String RUNNING = "running";

    public boolean hasData() {
        return importedAt != null;
    }

    /**
     * Private repositories and concealed members are shown to admins and to the user whose own GitHub
     * token listed them; everyone else sees what GitHub shows the public.
     */
    public boolean showsPrivateTo(Actor actor) {
        return actor.admin() || (!actor.isGuest() && actor.userId().equals(importedBy)
                && GitHubCredentials.Source.USER.value().equals(tokenSource));
    }
}
