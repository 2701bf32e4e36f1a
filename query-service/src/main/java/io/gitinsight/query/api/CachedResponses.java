package io.gitinsight.query.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import io.gitinsight.query.cache.CachedBody;

/**
 * Turns a cached answer into the HTTP answer: the body with its {@code ETag}, or {@code 304} when the
 * client's {@code If-None-Match} already names it. {@code Cache-Control: no-cache} lets clients keep a
 * copy but makes them revalidate every time, so that nobody is shown an answer after it changed.
 * {@code X-Cache} says whether Redis answered.
 */
final class CachedResponses {

    static final String CACHE_CONTROL = "no-cache";

    private CachedResponses() {
    }

    static RestResponse<byte[]> answer(CachedBody cached, String ifNoneMatch) {
        RestResponse.ResponseBuilder<byte[]> builder = matches(ifNoneMatch, cached.etag())
                ? RestResponse.ResponseBuilder.<byte[]> create(RestResponse.Status.NOT_MODIFIED)
                : RestResponse.ResponseBuilder.ok(cached.body(), MediaType.APPLICATION_JSON_TYPE);
        return builder.header(HttpHeaders.ETAG, cached.etag()).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .header("X-Cache", cached.hit() ? "HIT" : "MISS").build();
    }

    /** RFC 9110 §13.1.2: weak comparison, a list of tags, or {@code *}. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
