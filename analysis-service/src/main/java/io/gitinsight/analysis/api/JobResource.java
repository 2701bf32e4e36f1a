package io.gitinsight.analysis.api;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.gitinsight.analysis.repository.JobRepository;
import io.gitinsight.support.error.ApiException;
import io.smallrye.mutiny.Uni;

/** Jobs and their live progress (public data, like the repositories they belong to). */
@Path("/jobs")
public class JobResource {

    private final JobRepository jobs;

    public JobResource(JobRepository jobs) {
        this.jobs = jobs;
    }

    @GET
    @Path("/{id}")
    public Uni<JobView> get(@RestPath("id") UUID id) {
        return jobs.find(id).map(job -> {
            if (job == null) {
                throw ApiException.notFound("job", id);
            }
            return JobView.of(job);
        });
    }

    /** The most recent jobs, newest first: {@code limit} 1..100, default 10. */
    @GET
    public Uni<List<JobView>> recent(@RestQuery String limit) {
        int n = parseLimit(limit);
        return jobs.recent(n).map(found -> found.stream().map(JobView::of).toList());
    }

    private static int parseLimit(String limit) {
        if (limit == null) {
            return 10;
        }
        try {
            int n = Integer.parseInt(limit);
            if (n >= 1 && n <= 100) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.invalid("limit", "limit must be an integer within 1..100");
    }
}
