package io.gitinsight.testkit;

import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.gitinsight.model.api.PageRequest;
import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.support.error.ApiException;

/**
 * A resource that exists only on the test classpath, so that each service's real exception mapping can
 * be driven through every kind of failure the contract names without waiting for the endpoints that
 * will raise them.
 */
@Path("/_testkit/probe")
public class ProbeResource {

    private static final Logger LOG = Logger.getLogger(ProbeResource.class);

    public enum Color {
        RED,
        GREEN
    }

    public record ProbeBody(@NotBlank @Size(max = 40) String displayName, @NotNull Color color,
            @Min(1) @Max(10) int weight) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> accept(@Valid @NotNull ProbeBody body) {
        return Map.of("display_name", body.displayName(), "color", body.color());
    }

    @GET
    @Path("/items/{id}")
    public Map<String, Object> item(@RestPath("id") UUID id) {
        throw ApiException.notFound("item", id);
    }

    @GET
    @Path("/items")
    public Map<String, Object> items(@RestQuery Integer page, @RestQuery("page_size") Integer pageSize) {
        PageRequest request = PageRequest.of(page, pageSize);
        return Map.of("offset", request.offset());
    }

    @GET
    @Path("/busy")
    public String busy() {
        throw new ApiException(ErrorCode.ANALYSIS_IN_PROGRESS, "an analysis is already running");
    }

    @GET
    @Path("/boom")
    public String boom() {
        LOG.info("about to fail on purpose");
        throw new IllegalStateException("secret internal detail");
    }
}
