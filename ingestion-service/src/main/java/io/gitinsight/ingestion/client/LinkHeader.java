package io.gitinsight.ingestion.client;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub's {@code Link} header: {@code <url>; rel="next", <url>; rel="last"}. The next URL is turned
 * into a path relative to the API base, so that pages are fetched through the same base URL (GitHub
 * Enterprise's {@code /api/v3}, or a test's fake) whatever host the link names.
 */
public final class LinkHeader {

    private static final Pattern LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"([a-z]+)\"");

    private LinkHeader() {
    }

    public static Optional<String> next(String header, String apiBase) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher matcher = LINK.matcher(header);
        while (matcher.find()) {
            if (matcher.group(2).equals("next")) {
                return Optional.of(relative(matcher.group(1), apiBase));
            }
        }
        return Optional.empty();
    }

    static String relative(String url, String apiBase) {
        String base = apiBase.endsWith("/") ? apiBase.substring(0, apiBase.length() - 1) : apiBase;
        if (url.startsWith(base + "/")) {
            return url.substring(base.length() + 1);
        }
        URI uri = URI.create(url);
        String basePath = URI.create(base).getPath();
        String path = uri.getRawPath();
        if (basePath != null && !basePath.isEmpty() && path.startsWith(basePath + "/")) {
            path = path.substring(basePath.length());
        }
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return uri.getRawQuery() == null ? relative : relative + "?" + uri.getRawQuery();
    }
}
