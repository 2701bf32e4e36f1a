package io.gitinsight.ingestion.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.gitinsight.ingestion.security.ActorResolver;
import io.gitinsight.ingestion.service.OrgImportService;
import io.gitinsight.ingestion.service.OrgListingService;
import io.gitinsight.model.api.Page;
import io.gitinsight.model.api.PageRequest;
import io.gitinsight.model.security.Permission;
import io.smallrye.mutiny.Uni;

/**
 * Org discovery (CONTRACT §2): {@code POST /orgs/{org}/import} answers 202 at once with the import's
 * state and reads GitHub in the background; {@code GET /orgs/{org}/import} tells how it went;
 * the repositories and members of the last completed import are listed page by page. Reads are public,
 * but private repositories and concealed members only reach the user whose GitHub token listed them.
 */
@Path("/orgs/{org}")
public class OrgResource {

    private final OrgImportService imports;
    private final OrgListingService listings;
    private final ActorResolver actors;

    public OrgResource(OrgImportService imports, OrgListingService listings, ActorResolver actors) {
        this.imports = imports;
        this.listings = listings;
        this.actors = actors;
    }

    @POST
    @Path("/import")
    public Uni<RestResponse<OrgViews.ImportView>> startImport(@RestPath("org") String org,
            @RestHeader(HttpHeaders.AUTHORIZATION) String authorization, @RestHeader("X-API-Key") String apiKey) {
        return actors.require(authorization, apiKey, Permission.REPOSITORY_ANALYZE)
                .chain(actor -> imports.start(org, actor)
                        .chain(started -> listings.counts(started, actor)
                                .map(counts -> RestResponse.accepted(OrgViews.ImportView.of(started, counts)))));
    }

    @GET
    @Path("/import")
    public Uni<OrgViews.ImportView> importState(@RestPath("org") String org,
            @RestHeader(HttpHeaders.AUTHORIZATION) String authorization, @RestHeader("X-API-Key") String apiKey) {
        OrgImportService.key(org);
        return actors.optional(authorization, apiKey).chain(actor -> imports.find(org)
                .chain(found -> listings.counts(found, actor).map(counts -> OrgViews.ImportView.of(found, counts))));
    }

    @GET
    @Path("/repositories")
    public Uni<Page<OrgViews.RepositoryView>> repositories(@RestPath("org") String org, @RestQuery Integer page,
            @RestQuery("page_size") Integer pageSize, @RestQuery String sort,
            @RestHeader(HttpHeaders.AUTHORIZATION) String authorization, @RestHeader("X-API-Key") String apiKey) {
        OrgImportService.key(org);
        PageRequest request = PageRequest.of(page, pageSize);
        return actors.optional(authorization, apiKey)
                .chain(actor -> listings.repositories(org, actor, sort == null ? "name" : sort, request))
                .map(found -> new Page<>(found.data().stream().map(OrgViews.RepositoryView::of).toList(),
                        found.pagination()));
    }

    @GET
    @Path("/members")
    public Uni<Page<OrgViews.MemberView>> members(@RestPath("org") String org, @RestQuery Integer page,
            @RestQuery("page_size") Integer pageSize, @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RestHeader("X-API-Key") String apiKey) {
        OrgImportService.key(org);
        PageRequest request = PageRequest.of(page, pageSize);
        return actors.optional(authorization, apiKey).chain(actor -> listings.members(org, actor, request))
                .map(found -> new Page<>(found.data().stream().map(OrgViews.MemberView::of).toList(),
                        found.pagination()));
    }
}
