package io.gitinsight.ingestion.service;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.ingestion.client.AnalysisClient;
import io.gitinsight.ingestion.domain.Actor;
import io.gitinsight.ingestion.domain.DiscoveredRepository;
import io.gitinsight.ingestion.domain.OrgImport;
import io.gitinsight.ingestion.domain.OrgMember;
import io.gitinsight.ingestion.repository.OrgListingRepository;
import io.gitinsight.model.api.Page;
import io.gitinsight.model.api.PageRequest;
import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.support.error.ApiException;
import io.smallrye.mutiny.Uni;

/**
 * What an organization's last completed import found, page by page, each repository with whether
 * GitInsight tracks it (asked of analysis-service for the page at hand, so the answer is current).
 */
@ApplicationScoped
public class OrgListingService {

    /** A repository of the organization and GitInsight's id for it when it is tracked (else null). */
    public record Listed(DiscoveredRepository repository, UUID repositoryId) {
    }

    private final OrgImportService imports;
    private final OrgListingRepository listings;
    private final AnalysisClient analysis;

    public OrgListingService(OrgImportService imports, OrgListingRepository listings, AnalysisClient analysis) {
        this.imports = imports;
        this.listings = listings;
        this.analysis = analysis;
    }

    public Uni<Page<Listed>> repositories(String org, Actor actor, String sort, PageRequest page) {
        if (!OrgListingRepository.REPOSITORY_ORDER.containsKey(sort)) {
            throw ApiException.invalid("sort", "sort must be one of name, updated, stars");
        }
        return imported(org).chain(found -> listings.repositories(found.org(), found.showsPrivateTo(actor), sort, page))
                .chain(listed -> analysis.tracked(listed.data().stream().map(DiscoveredRepository::fullName).toList())
                        .map(tracked -> {
                            List<Listed> data = listed.data().stream().map(r -> new Listed(r,
                                    tracked.get(r.fullName().toLowerCase(Locale.ROOT)))).toList();
                            return new Page<>(data, listed.pagination());
                        }));
    }

    public Uni<Page<OrgMember>> members(String org, Actor actor, PageRequest page) {
        return imported(org).chain(found -> listings.members(found.org(), found.showsPrivateTo(actor), page));
    }

    /** The counts the caller would see in the lists, or null before the first import completed. */
    public Uni<OrgListingRepository.Counts> counts(OrgImport found, Actor actor) {
        return found.hasData() ? listings.counts(found.org(), found.showsPrivateTo(actor)) : Uni.createFrom().nullItem();
    }

    /** The import whose lists can be read: one completed at least once. */
    private Uni<OrgImport> imported(String org) {
        return imports.find(org).map(found -> {
            if (found.hasData()) {
                return found;
            }
            if (OrgImport.RUNNING.equals(found.status())) {
                throw new ApiException(ErrorCode.CONFLICT, "the first import of " + org + " is still running: "
                        + "GET /orgs/" + org + "/import tells when it completes",
                        Map.of("org", org, "status", found.status(), "started_at", found.startedAt().toString()));
            }
            throw new ApiException(ErrorCode.NOT_FOUND, "the organization " + org + " has no completed import ("
                    + found.errorMessage() + "): POST /orgs/" + org + "/import again",
                    Map.of("org", org,
                            "status", found.status()));
        });
    }
}
