package io.gitinsight.query.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestResponse;

import io.gitinsight.query.service.OverviewService;
import io.smallrye.mutiny.Uni;

/** {@code GET /metrics/overview} (not to be confused with {@code /metrics}, the Prometheus scrape). */
@Path("/metrics/overview")
@Produces(MediaType.APPLICATION_JSON)
public class OverviewResource {

    private final OverviewService overview;

    public OverviewResource(OverviewService overview) {
        this.overview = overview;
    }

    @GET
    public Uni<RestResponse<byte[]>> overview(@RestHeader("If-None-Match") String ifNoneMatch) {
        return overview.overview().map(cached -> CachedResponses.answer(cached, ifNoneMatch));
    }
}
