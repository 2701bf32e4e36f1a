package io.gitinsight.gateway.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.gitinsight.model.security.Permission;

/**
 * The gateway's route table, parsed once from configuration and failing fast on a line it cannot read.
 * A request is matched against every route: the most specific pattern that also takes the method wins;
 * a path that some route takes with other methods is a 405; anything else, and every path whose first
 * backend segment is {@code internal}, is a 404.
 */
public final class RouteTable {

    /** The outcome of matching one request. */
    public sealed interface Match {
    }

    public record Found(Route route, String backendPath) implements Match {
    }

    public record MethodNotAllowed(List<String> allowed) implements Match {
    }

    public record NotFound() implements Match {
    }

    private final String prefix;
    private final List<Route> routes;

    public RouteTable(String prefix, Map<String, String> lines, Set<String> backends, Duration defaultTimeout) {
        this.prefix = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        List<Route> parsed = new ArrayList<>();
        new TreeMap<>(lines).forEach((name, line) -> parsed.add(parse(name, line, backends, defaultTimeout)));
        parsed.sort(Comparator.comparingInt((Route r) -> -r.pattern().specificity()).thenComparing(Route::name));
        checkNoOverlaps(parsed);
        this.routes = List.copyOf(parsed);
    }

    public List<Route> routes() {
        return routes;
    }

    /** Paths outside the prefix (such as the JWKS document) that the gateway must also mount. */
    public Set<String> pathsOutsidePrefix() {
        Set<String> paths = new LinkedHashSet<>();
        for (Route route : routes) {
            if (!isUnderPrefix(route.pattern().source())) {
                paths.add(route.pattern().source());
            }
        }
        return paths;
    }

    /**
     * @param method the request method
     * @param path the normalized request path (dot segments resolved), without the query
     */
    public Match match(String method, String path) {
        List<String> segments = PathPattern.split(path);
        String lower = path.toLowerCase(Locale.ROOT);
        // an encoded slash or backslash could make a backend see other segments than the gateway matched
        if (lower.contains("%2f") || lower.contains("%5c") || isInternal(path)) {
            return new NotFound();
        }
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            if (route.pattern().matches(segments)) {
                if (route.allows(method)) {
                    return new Found(route, backendPath(route, path));
                }
                allowed.addAll(route.allowedMethods());
            }
        }
        return allowed.isEmpty() ? new NotFound() : new MethodNotAllowed(List.copyOf(allowed));
    }

    private String backendPath(Route route, String path) {
        return route.backendPath().orElseGet(() -> isUnderPrefix(path) ? path.substring(prefix.length()) : path);
    }

    private boolean isUnderPrefix(String path) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private boolean isInternal(String path) {
        String backend = isUnderPrefix(path) ? path.substring(prefix.length()) : path;
        List<String> segments = PathPattern.split(backend);
        return !segments.isEmpty() && segments.get(0).equalsIgnoreCase("internal");
    }

    static Route parse(String name, String line, Set<String> backends, Duration defaultTimeout) {
        String[] words = line.trim().split("\\s+");
        if (words.length < 4) {
            throw invalid(name, line, "expected METHODS PATH BACKEND PERMISSION [options]");
        }
        Set<String> methods = new LinkedHashSet<>(List.of(words[0].toUpperCase(Locale.ROOT).split("\\|")));
        PathPattern pattern = PathPattern.parse(words[1]);
        String backend = words[2];
        if (!backend.equals(Route.LOCAL) && !backends.contains(backend)) {
            throw invalid(name, line, "unknown backend '" + backend + "'; configured: " + backends);
        }
        Optional<Permission> permission = Optional.empty();
        if (!words[3].equals("none")) {
            permission = Optional.of(Permission.fromValue(words[3])
                    .orElseThrow(() -> invalid(name, line, "unknown permission '" + words[3] + "'")));
        }
        Duration timeout = defaultTimeout;
        Optional<String> to = Optional.empty();
        boolean webhook = false;
        for (int i = 4; i < words.length; i++) {
            String[] option = words[i].split("=", 2);
            String value = option.length == 2 ? option[1] : "";
            switch (option[0]) {
                case "timeout" -> timeout = parseDuration(name, line, value);
                case "to" -> to = Optional.of(value);
                case "limit" -> webhook = value.equals("webhook");
                default -> throw invalid(name, line, "unknown option '" + option[0] + "'");
            }
        }
        return new Route(name, Set.copyOf(methods), pattern, backend, permission, timeout, to, webhook);
    }

    private static Duration parseDuration(String name, String line, String value) {
        var matcher = java.util.regex.Pattern.compile("(\\d+)(ms|s|m)").matcher(value);
        if (!matcher.matches()) {
            throw invalid(name, line, "timeout must look like 500ms, 10s or 2m");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }

    private static void checkNoOverlaps(List<Route> routes) {
        for (int i = 0; i < routes.size(); i++) {
            for (int j = i + 1; j < routes.size(); j++) {
                Route a = routes.get(i);
                Route b = routes.get(j);
                boolean samePath = shape(a).equals(shape(b));
                boolean sharedMethod = a.methods().stream().anyMatch(b::allows) || b.methods().stream().anyMatch(a::allows);
                if (samePath && sharedMethod) {
                    throw new IllegalStateException("routes " + a.name() + " and " + b.name()
                            + " both take the same method on " + a.pattern().source());
                }
            }
        }
    }

    private static List<String> shape(Route route) {
        return route.pattern().segments().stream().map(s -> s.startsWith("{") ? "{}" : s).toList();
    }

    private static IllegalStateException invalid(String name, String line, String why) {
        return new IllegalStateException("route " + name + " ('" + line + "'): " + why);
    }
}
