package io.gitinsight.ingestion.config;

import java.nio.file.Path;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where git mirrors live and which clone URLs are acceptable. */
@ConfigMapping(prefix = "gitinsight.ingestion")
public interface IngestionConfig {

    /** {@code INGESTION_DATA_DIR}: one bare mirror per repository, fetched incrementally. */
    Path dataDir();

    /** Items (commits, pull requests, …) per {@code github.data.ingested} message at most. */
    @WithDefault("500")
    int batchSize();

    /**
     * Files at the branch tip larger than this are listed without counting their lines. Counting streams,
     * so this bounds time, not memory; cloc counts lock files of a few megabytes, so the bound sits above them.
     */
    @WithDefault("8388608")
    long locMaxFileBytes();

    /** {@code GITINSIGHT_ALLOW_LOCAL_REPOS}: accept {@code file://} and local paths (dev and test only). */
    @WithDefault("false")
    boolean allowLocalRepos();
}
