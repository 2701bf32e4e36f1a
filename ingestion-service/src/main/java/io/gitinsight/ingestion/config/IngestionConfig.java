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

    /** {@code GITINSIGHT_ALLOW_LOCAL_REPOS}: accept {@code file://} and local paths (dev and test only). */
    @WithDefault("false")
    boolean allowLocalRepos();
}
