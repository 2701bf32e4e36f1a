package io.gitinsight.analysis.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What a deployer sets for analysis-service (CONTRACT §1); every knob has its default here. */
@ConfigMapping(prefix = "gitinsight.analysis")
public interface AnalysisConfig {

    /** {@code GITINSIGHT_ALLOW_LOCAL_REPOS}: whether {@code file://} and local-path clone URLs may be added. */
    @WithDefault("false")
    boolean allowLocalRepos();

    /** {@code BOT_IDENTITIES}: extra emails or logins counted as bots. */
    Optional<List<String>> botIdentities();

    /** The deployment environment DORA calls production. */
    @WithDefault("production")
    String productionEnvironment();

    /** {@code RULES_FILE}: TOML scoring rules; the built-in defaults when unset. */
    Optional<String> rulesFile();

    /** {@code MAX_SINCE_DAYS}: how far back a per-user analysis may reach. */
    @WithDefault("180")
    int maxSinceDays();

    /** How often the scheduler looks for repositories due for re-analysis. */
    @WithDefault("PT5M")
    Duration schedulerEvery();

    /** Webhook events of one repository within this delay are folded into one recomputation. */
    @WithDefault("PT2S")
    Duration webhookDebounce();

    /** A job that has not moved for this long is failed (ingestion lost it, or a batch never came). */
    @WithDefault("PT2H")
    Duration jobTimeout();
}
