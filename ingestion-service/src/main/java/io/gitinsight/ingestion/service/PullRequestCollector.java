package io.gitinsight.ingestion.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.gitinsight.ingestion.client.GraphQLUnavailableException;
import io.gitinsight.ingestion.client.RequestAccounting;
import io.gitinsight.ingestion.config.GitHubConfig;
import io.smallrye.mutiny.Uni;

/**
 * Pull requests with their commits, reviews and review comments: from GraphQL (a few requests per hundred
 * pull requests), or from REST when GraphQL is switched off or GitHub refuses it for this token or host.
 */
@ApplicationScoped
class PullRequestCollector {

    private static final Logger LOG = Logger.getLogger(PullRequestCollector.class);

    private final GraphQLPullRequests graphql;
    private final RestPullRequests rest;
    private final boolean graphqlEnabled;

    @Inject
    PullRequestCollector(GraphQLPullRequests graphql, RestPullRequests rest, GitHubConfig config) {
        this(graphql, rest, config.graphql().enabled());
    }

    PullRequestCollector(GraphQLPullRequests graphql, RestPullRequests rest, boolean graphqlEnabled) {
        this.graphql = graphql;
        this.rest = rest;
        this.graphqlEnabled = graphqlEnabled;
    }

    /** {@code token} null means the server token (or none). */
    Uni<PullRequestData> collect(String fullName, String token, RequestAccounting accounting) {
        return collect(fullName, null, token, accounting);
    }

    /**
     * {@code since}: an incremental sync's previous one, after which only what was updated is read in
     * full; null for all of them.
     */
    Uni<PullRequestData> collect(String fullName, Instant since, String token, RequestAccounting accounting) {
        if (!graphqlEnabled) {
            return rest.collect(fullName, since, token, accounting);
        }
        return graphql.collect(fullName, since, token, accounting).onFailure(GraphQLUnavailableException.class)
                .recoverWithUni(e -> {
                    LOG.infof("GraphQL unavailable for %s, collecting pull requests over REST: %s", fullName, e.getMessage());
                    return rest.collect(fullName, since, token, accounting);
                });
    }
}
