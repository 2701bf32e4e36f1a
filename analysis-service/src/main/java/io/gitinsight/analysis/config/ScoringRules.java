package io.gitinsight.analysis.config;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.gitinsight.analysis.metrics.scores.Rules;
import io.quarkus.runtime.Startup;

/**
 * The scoring rules, read once at startup from {@code RULES_FILE} (the built-in defaults without it). An
 * invalid file stops the service with the file and the offending key in the message: a deployer learns
 * of a typo at deploy time, not from wrong scores weeks later.
 */
@ApplicationScoped
public class ScoringRules {

    private static final Logger LOG = Logger.getLogger(ScoringRules.class);

    @Produces
    @Singleton
    @Startup
    Rules rules(AnalysisConfig config) {
        Rules rules = load(config);
        LOG.infof("scoring rules from %s: dimensions %s", rules.source(),
                rules.dimensions().stream().map(d -> d.name() + "×" + d.weight()).toList());
        return rules;
    }

    /** The rules the configuration names; throws {@code RulesException} for an invalid file. */
    public static Rules load(AnalysisConfig config) {
        return config.rulesFile().filter(f -> !f.isBlank()).map(f -> Rules.load(Path.of(f))).orElseGet(Rules::defaults);
    }
}
