package io.gitinsight.query.api;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.gitinsight.model.api.PageRequest;
import io.gitinsight.query.domain.RepositoryFilter;
import io.gitinsight.query.domain.RepositorySort;
import io.gitinsight.query.security.RepositoryAccess;
import io.gitinsight.query.service.RepositoryService;
import io.smallrye.mutiny.Uni;

/** The tracked repositories, as the gateway routes {@code GET /api/v1/repositories[/{id}]} here. */
@Path("/repositories")
@Produces(MediaType.APPLICATION_JSON)
public class RepositoryResource {

    private final RepositoryService repositories;
    private final RepositoryAccess access;

    public RepositoryResource(RepositoryService repositories, RepositoryAccess access) {
        this.repositories = repositories;
        this.access = access;
    }

    @GET
    public Uni<RestResponse<byte[]>> list(@RestQuery String q, @RestQuery String language, @RestQuery String sort,
            @RestQuery Integer page, @RestQuery("page_size") Integer pageSize,
            @RestHeader("If-None-Match") String ifNoneMatch, @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RestHeader("X-API-Key") String apiKey) {
        RepositorySort order = RepositorySort.valueOf(
                Params.oneOf("sort", sort, "updated", List.of("stars", "updated", "name")).toUpperCase(Locale.ROOT));
        RepositoryFilter filter = new RepositoryFilter(Params.text("q", q, 200), Params.text("language", language, 100),
                order);
        PageRequest pageRequest = PageRequest.of(page, pageSize);
        return access.viewer(authorization, apiKey).chain(viewer -> repositories.list(filter, pageRequest, viewer))
                .map(cached -> CachedResponses.answer(cached, ifNoneMatch));
    }

    @GET
    @Path("/{id}")
    public Uni<RestResponse<byte[]>> get(@RestPath("id") UUID id, @RestHeader("If-None-Match") String ifNoneMatch,
            @RestHeader(HttpHeaders.AUTHORIZATION) String authorization, @RestHeader("X-API-Key") String apiKey) {
        return access.guard(id, authorization, apiKey, () -> repositories.get(id))
                .map(cached -> CachedResponses.answer(cached, ifNoneMatch));
    }
}
