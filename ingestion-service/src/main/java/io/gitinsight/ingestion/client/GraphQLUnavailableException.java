package io.gitinsight.ingestion.client;

/**
 * GitHub's GraphQL API is not there for this token or host (401, 403, 404, or an error saying so): the
 * caller collects the same data over REST instead.
 */
public class GraphQLUnavailableException extends GitHubException {

    public GraphQLUnavailableException(int status, String message) {
        super(status, message);
    }
}
