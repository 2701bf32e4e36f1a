package io.gitinsight.systemtest.github;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.TreeMap;

/**
 * What GitHub's languages API says of a repository: bytes per programming language of the files at the
 * default branch's tip (prose such as Markdown and binary files are not counted).
 */
public final class Languages {

    private static final Map<String, String> BY_EXTENSION = Map.of("java", "Java", "py", "Python");

    private Languages() {
    }

    public static Map<String, Long> bytes(OriginRepository origin) {
        Map<String, Long> bytes = new TreeMap<>();
        try {
            for (String file : origin.git("ls-files").trim().split("\n")) {
                String language = BY_EXTENSION.get(file.substring(file.lastIndexOf('.') + 1));
                if (language != null) {
                    bytes.merge(language, Files.size(origin.dir().resolve(file)), Long::sum);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return bytes;
    }
}
