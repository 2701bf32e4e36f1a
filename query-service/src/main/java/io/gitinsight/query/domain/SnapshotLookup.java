package io.gitinsight.query.domain;

import java.util.Optional;

/** Whether the repository exists, and its snapshot for the window asked when it has one. */
public record SnapshotLookup(boolean repositoryExists, Optional<Snapshot> snapshot) {
}
