package io.gitinsight.ingestion.client;

/**
 * GitHub gave up on a GraphQL query (a 502 or 504, a timeout, or an error saying it timed out): the same
 * page asked for with fewer items usually succeeds.
 */
public class GraphQLTooHeavyException extends GitHubException {

    public GraphQLTooHeavyException(int status, String message) {
        super(status, message);
    }
}
