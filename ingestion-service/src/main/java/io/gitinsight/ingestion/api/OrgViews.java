package io.gitinsight.ingestion.api;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.gitinsight.ingestion.domain.OrgImport;
import io.gitinsight.ingestion.domain.OrgMember;
import io.gitinsight.ingestion.repository.OrgListingRepository;
import io.gitinsight.ingestion.service.OrgListingService;

/** The JSON shapes of org discovery. */
final class OrgViews {

    private OrgViews() {
    }

    /**
     * An import: the current or last attempt ({@code status}, {@code started_at}, {@code error_message}) and
     * the lists being served, from the last completed import ({@code imported_at}; counts as the caller
     * sees them; null before the first import completed).
     */
    record ImportView(String org, String status, Long repositories, Long members, Instant startedAt,
            Instant importedAt, String errorMessage) {

        static ImportView of(OrgImport found, OrgListingRepository.Counts counts) {
            return new ImportView(found.login(), found.status(), counts == null ? null : counts.repositories(),
                    counts == null ? null : counts.members(), found.startedAt(), found.importedAt(),
                    found.errorMessage());
        }
    }

    /** A repository in GitHub's fields as {@code Repository} names them, with whether GitInsight tracks it. */
    record RepositoryView(long githubId, String name, String fullName, String description, String url, String cloneUrl,
            String language, long stars, long forks, @JsonProperty("private") boolean isPrivate, String defaultBranch,
            Instant updatedAt, boolean tracked, UUID repositoryId) {

        static RepositoryView of(OrgListingService.Listed listed) {
            var r = listed.repository();
            return new RepositoryView(r.githubId(), r.name(), r.fullName(), r.description(), r.url(), r.cloneUrl(),
                    r.language(), r.stars(), r.forks(), r.isPrivate(), r.defaultBranch(), r.updatedAt(),
                    listed.repositoryId() != null, listed.repositoryId());
        }
    }

    /** A member: GitHub's login, numeric id and avatar, and {@code admin} (an owner) or {@code member}. */
    record MemberView(String login, long id, String avatarUrl, String role) {

        static MemberView of(OrgMember member) {
            return new MemberView(member.login(), member.githubId(), member.avatarUrl(), member.role());
        }
    }
}
