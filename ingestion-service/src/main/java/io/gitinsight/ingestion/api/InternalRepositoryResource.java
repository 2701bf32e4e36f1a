package io.gitinsight.ingestion.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import io.gitinsight.ingestion.domain.RepositoryMetadata;
import io.gitinsight.ingestion.service.RepositoryLookupService;
import io.gitinsight.support.security.InternalCallers;
import io.smallrye.mutiny.Uni;

/** For analysis-service, when a user adds a repository: does GitHub know it, and what is it? */
@Path("/internal/github/repositories")
public class InternalRepositoryResource {

    private final InternalCallers internal;
    private final RepositoryLookupService repositories;

    public InternalRepositoryResource(InternalCallers internal, RepositoryLookupService repositories) {
        this.internal = internal;
        this.repositories = repositories;
    }

    @GET
    @Path("/{owner}/{name}")
    public Uni<RepositoryMetadata> lookup(@RestHeader(InternalCallers.HEADER) String token,
            @RestPath("owner") String owner, @RestPath("name") String name) {
        internal.require(token);
        return repositories.lookup(owner, name);
    }
}
