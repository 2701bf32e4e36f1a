package io.gitinsight.analysis.metrics.loc;

import java.util.Set;

/**
 * The folders CONTRACT §4 leaves out of LOC: dependencies and build output checked into a tree
 * ({@code node_modules}, {@code vendor}, {@code build}, {@code dist}, {@code target}) at any depth. Only
 * folders match: a file named {@code build} is source.
 */
public final class VendoredPaths {

    private static final Set<String> FOLDERS = Set.of("node_modules", "vendor", "build", "dist", "target");

    private VendoredPaths() {
    }

    public static boolean isVendored(String path) {
        String[] segments = path.split("/");
        for (int i = 0; i < segments.length - 1; i++) {
            if (FOLDERS.contains(segments[i])) {
                return true;
            }
        }
        return false;
    }
}
