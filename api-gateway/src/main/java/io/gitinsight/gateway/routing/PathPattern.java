package io.gitinsight.gateway.routing;

import java.util.Arrays;
import java.util.List;

/**
 * A route's path: literal segments, {@code {name}} for exactly one segment, and a final {@code **} for
 * any number of further segments (none included). More literal segments make a pattern more specific.
 */
public record PathPattern(String source, List<String> segments) {

    static final String REST = "**";

    public static PathPattern parse(String source) {
        if (!source.startsWith("/")) {
            throw new IllegalArgumentException("a route path starts with /: " + source);
        }
        List<String> segments = split(source);
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).equals(REST) && i != segments.size() - 1) {
                throw new IllegalArgumentException("** may only end a route path: " + source);
            }
        }
        return new PathPattern(source, segments);
    }

    public boolean matches(List<String> path) {
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (segment.equals(REST)) {
                return true;
            }
            if (i >= path.size() || !(isVariable(segment) || segment.equals(path.get(i)))) {
                return false;
            }
        }
        return path.size() == segments.size();
    }

    /** Higher is more specific: literal segments count most, then variables, then a trailing {@code **}. */
    public int specificity() {
        int score = 0;
        for (String segment : segments) {
            score += segment.equals(REST) ? 1 : isVariable(segment) ? 100 : 10_000;
        }
        return score;
    }

    public static List<String> split(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean isVariable(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }
}
