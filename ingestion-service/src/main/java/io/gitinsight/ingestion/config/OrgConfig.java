package io.gitinsight.ingestion.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Org discovery (CONTRACT §2 "Org discovery"). */
@ConfigMapping(prefix = "gitinsight.orgs")
public interface OrgConfig {

    /**
     * An import still "running" after this long was abandoned (its replica stopped mid-way): a new import
     * request takes it over. Listing 10,000 repositories is 100 requests, well inside the default.
     */
    @WithDefault("PT30M")
    Duration importTimeout();
}
