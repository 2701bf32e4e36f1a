package io.gitinsight.gateway.routing;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.gitinsight.model.security.Permission;

/**
 * One line of the route table: which methods and public path, which backend, what the caller needs.
 *
 * @param permission empty when the gateway does not check credentials for this route
 * @param backendPath the path the backend is called on instead of the public one without the prefix
 * @param webhook counted in the webhook bucket of the source address instead of the caller's budget
 */
public record Route(String name, Set<String> methods, PathPattern pattern, String backend,
        Optional<Permission> permission, Duration timeout, Optional<String> backendPath, boolean webhook) {

    public static final String LOCAL = "gateway";
    public static final String ANY_METHOD = "*";

    public boolean allows(String method) {
        return methods.contains(ANY_METHOD) || methods.contains(method);
    }

    public boolean isLocal() {
        return LOCAL.equals(backend);
    }

    /** The methods a 405 names in its {@code Allow} header. */
    public List<String> allowedMethods() {
        return methods.stream().sorted().toList();
    }
}
