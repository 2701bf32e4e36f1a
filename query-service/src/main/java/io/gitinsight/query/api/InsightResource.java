package io.gitinsight.query.api;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.gitinsight.model.api.PageRequest;
import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.model.security.Permission;
import io.gitinsight.query.domain.InsightFilter;
import io.gitinsight.query.security.CredentialVerifier;
import io.gitinsight.query.security.RepositoryAccess;
import io.gitinsight.query.service.ExportFormat;
import io.gitinsight.query.service.InsightExportService;
import io.gitinsight.query.service.InsightService;
import io.gitinsight.support.error.ApiException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;

/** A repository's insights: the cached list, and the streamed export for {@code insights:export}. */
@Path("/repositories/{id}/insights")
public class InsightResource {

    private final InsightService insights;
    private final InsightExportService exports;
    private final CredentialVerifier credentials;
    private final RepositoryAccess access;
    private final Clock clock;

    public InsightResource(InsightService insights, InsightExportService exports, CredentialVerifier credentials,
            RepositoryAccess access, Clock clock) {
        this.insights = insights;
        this.exports = exports;
        this.credentials = credentials;
        this.access = access;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<byte[]>> list(@RestPath("id") UUID id, @RestQuery String type, @RestQuery String since,
            @RestQuery Integer page, @RestQuery("page_size") Integer pageSize,
            @RestHeader("If-None-Match") String ifNoneMatch, @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RestHeader("X-API-Key") String apiKey) {
        InsightFilter filter = new InsightFilter(Params.text("type", type, 100),
                Params.since("since", since, clock.instant()));
        return access.guard(id, authorization, apiKey, () -> insights.page(id, filter, PageRequest.of(page, pageSize)))
                .map(cached -> CachedResponses.answer(cached, ifNoneMatch));
    }

    @GET
    @Path("/export")
    public RestMulti<Buffer> export(@RestPath("id") UUID id, @RestQuery String format, @RestQuery String type,
            @RestQuery String since, @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RestHeader("X-API-Key") String apiKey) {
        ExportFormat chosen = ExportFormat.valueOf(Params.oneOf("format", format, "json", List.of("csv", "json"))
                .toUpperCase(java.util.Locale.ROOT));
        InsightFilter filter = new InsightFilter(Params.text("type", type, 100),
                Params.since("since", since, clock.instant()));
        Uni<Multi<Buffer>> stream = credentials.verify(authorization, apiKey, null).map(caller -> {
            if (caller.isEmpty()) {
                throw new ApiException(ErrorCode.AUTHENTICATION_REQUIRED, "exporting insights needs credentials");
            }
            if (!caller.get().has(Permission.INSIGHTS_EXPORT)) {
                throw new ApiException(ErrorCode.AUTHORIZATION_DENIED, "exporting insights needs insights:export",
                        Map.of("permission", Permission.INSIGHTS_EXPORT.value()));
            }
            return caller;
        }).call(caller -> access.check(id, caller)).chain(allowed -> exports.export(id, filter, chosen));
        String filename = "insights-" + id + "." + chosen.extension();
        return RestMulti.fromUniResponse(stream, body -> body, body -> Map.of(
                HttpHeaders.CONTENT_TYPE, List.of(chosen.contentType()),
                "Content-Disposition", List.of("attachment; filename=\"" + filename + "\"")));
    }
}
