package io.gitinsight.query.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.gitinsight.model.api.InvalidParameterException;
import io.gitinsight.model.api.PageRequest;
import io.gitinsight.query.domain.WebhookFilter;
import io.gitinsight.query.service.WebhookAnalyticsService;
import io.smallrye.mutiny.Uni;

/**
 * Webhook event analytics over what ingestion received. Every list takes {@code repository}
 * (owner/name), {@code event_type}, {@code status} (pending|published|failed), {@code start_time} and
 * {@code end_time} (inclusive). Trends default to the last 24 hours by hour or 30 days by day, and hold
 * at most 744 hourly or 366 daily buckets.
 */
@Path("/webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookAnalyticsResource {

    static final List<String> STATUSES = List.of("pending", "published", "failed");
    static final Duration MAX_HOURLY = Duration.ofDays(31);
    static final Duration MAX_DAILY = Duration.ofDays(366);

    private final WebhookAnalyticsService analytics;
    private final Clock clock;

    public WebhookAnalyticsResource(WebhookAnalyticsService analytics, Clock clock) {
        this.analytics = analytics;
        this.clock = clock;
    }

    @GET
    @Path("/events")
    public Uni<RestResponse<byte[]>> events(@RestQuery String repository, @RestQuery("event_type") String eventType,
            @RestQuery String status, @RestQuery("start_time") String start, @RestQuery("end_time") String end,
            @RestQuery Integer page, @RestQuery("page_size") Integer pageSize,
            @RestHeader("If-None-Match") String ifNoneMatch) {
        return analytics.events(filter(repository, eventType, status, start, end), PageRequest.of(page, pageSize))
                .map(cached -> CachedResponses.answer(cached, ifNoneMatch));
    }

    @GET
    @Path("/events/{delivery_id}")
    public Uni<RestResponse<byte[]>> event(@RestPath("delivery_id") String deliveryId,
            @RestHeader("If-None-Match") String ifNoneMatch) {
        return analytics.event(Params.required("delivery_id", deliveryId, 100))
                .map(cached -> CachedResponses.answer(cached, ifNoneMatch));
    }

    @GET
    @Path("/repositories")
    public Uni<RestResponse<byte[]>> repositories(@RestQuery("event_type") String eventType, @RestQuery String status,
            @RestQuery("start_time") String start, @RestQuery("end_time") String end, @RestQuery Integer page,
            @RestQuery("page_size") Integer pageSize, @RestHeader("If-None-Match") String ifNoneMatch) {
        return analytics.repositories(filter(null, eventType, status, start, end), PageRequest.of(page, pageSize))
                .map(cached -> CachedResponses.answer(cached, ifNoneMatch));
    }

    @GET
    @Path("/summary")
    public Uni<RestResponse<byte[]>> summary(@RestQuery String repository, @RestQuery("event_type") String eventType,
            @RestQuery("start_time") String start, @RestQuery("end_time") String end,
            @RestHeader("If-None-Match") String ifNoneMatch) {
        return analytics.summary(filter(repository, eventType, null, start, end))
                .map(cached -> CachedResponses.answer(cached, ifNoneMatch));
    }

    @GET
    @Path("/contributors")
    public Uni<RestResponse<byte[]>> contributors(@RestQuery String repository, @RestQuery("start_time") String start,
            @RestQuery("end_time") String end, @RestQuery Integer page, @RestQuery("page_size") Integer pageSize,
            @RestHeader("If-None-Match") String ifNoneMatch) {
        return analytics.contributors(filter(repository, null, null, start, end), PageRequest.of(page, pageSize))
                .map(cached -> CachedResponses.answer(cached, ifNoneMatch));
    }

    @GET
    @Path("/trends")
    public Uni<RestResponse<byte[]>> trends(@RestQuery String interval, @RestQuery String repository,
            @RestQuery("event_type") String eventType, @RestQuery("start_time") String start,
            @RestQuery("end_time") String end, @RestHeader("If-None-Match") String ifNoneMatch) {
        String step = Params.oneOf("interval", interval, "hour", List.of("hour", "day"));
        Instant to = end == null ? clock.instant() : Params.time("end_time", end, true);
        Instant from = start == null ? to.minus(step.equals("hour") ? Duration.ofHours(24) : Duration.ofDays(30))
                : Params.time("start_time", start, false);
        Duration longest = step.equals("hour") ? MAX_HOURLY : MAX_DAILY;
        if (Duration.between(from, to).compareTo(longest) > 0) {
            throw new InvalidParameterException("start_time", "at most " + longest.toDays() + " days of " + step
                    + "ly buckets; narrow the range or use a longer interval");
        }
        return analytics.trends(filter(repository, eventType, null, from.toString(), to.toString()), step)
                .map(cached -> CachedResponses.answer(cached, ifNoneMatch));
    }

    private static WebhookFilter filter(String repository, String eventType, String status, String start, String end) {
        Instant from = Params.time("start_time", start, false);
        Instant to = Params.time("end_time", end, true);
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidParameterException("start_time", "start_time must not be after end_time");
        }
        return new WebhookFilter(Params.text("repository", repository, 200), Params.text("event_type", eventType, 100),
                Params.oneOf("status", status, null, STATUSES), from, to);
    }
}
