package io.gitinsight.ingestion.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import io.gitinsight.ingestion.domain.RepositoryMetadata;
import io.gitinsight.ingestion.service.RepositoryLookupService;
import io.gitinsight.ingestion.service.WebhookRegistrationService;
import io.gitinsight.support.security.InternalCallers;
import io.smallrye.mutiny.Uni;

/**
 * For analysis-service: when a user adds a repository, does GitHub know it and what is it; when its
 * webhook is enabled, register the hook at GitHub.
 */
@Path("/internal/github/repositories")
public class InternalRepositoryResource {

    private final InternalCallers internal;
    private final RepositoryLookupService repositories;
    private final WebhookRegistrationService webhooks;

    public InternalRepositoryResource(InternalCallers internal, RepositoryLookupService repositories,
            WebhookRegistrationService webhooks) {
        this.internal = internal;
        this.repositories = repositories;
        this.webhooks = webhooks;
    }

    @POST
    @Path("/{owner}/{name}/webhook")
    public Uni<WebhookRegistrationService.Registration> registerWebhook(
            @RestHeader(InternalCallers.HEADER) String token, @RestPath("owner") String owner,
            @RestPath("name") String name) {
        internal.require(token);
        RepositoryLookupService.checkName(owner, name);
        return webhooks.register(owner, name);
    }

    @GET
    @Path("/{owner}/{name}")
    public Uni<RepositoryMetadata> lookup(@RestHeader(InternalCallers.HEADER) String token,
            @RestPath("owner") String owner, @RestPath("name") String name) {
        internal.require(token);
        return repositories.lookup(owner, name);
    }
}
