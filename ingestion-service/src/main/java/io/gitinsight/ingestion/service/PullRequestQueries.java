package io.gitinsight.ingestion.service;

import java.util.List;

/**
 * The GraphQL documents of pull-request collection (validated against GitHub's schema in a test). A page
 * of pull requests carries the first commits, reviews and review comments of each; the rest of a long
 * list is read afterwards from the node it hangs on. Every document asks for {@code rateLimit}, so that
 * each answer states its cost, and takes its page size as {@code $first}, so that a page GitHub gives up
 * on can be asked again smaller. Nested sizes stay small because GitHub prices a query by the product
 * of the sizes along each path (see {@link GraphQLPullRequests}).
 */
final class PullRequestQueries {

    /** Commits, reviews and comments per review asked for inside a page of pull requests. */
    static final int NESTED_COMMITS = 50;
    static final int NESTED_REVIEWS = 20;
    static final int NESTED_COMMENTS = 10;
    /** Page size of the follow-up queries for the rest of one long list. */
    static final int FOLLOW_UP_PAGE = 100;

    private static final String RATE_LIMIT = "rateLimit { cost remaining resetAt limit }";
    private static final String PAGE_INFO = "pageInfo { hasNextPage endCursor }";

    private static final String COMMENT_FIELDS = """
            fragment CommentFields on PullRequestReviewComment {
              fullDatabaseId
              createdAt
              state
              author { login }
            }
            """;

    private static final String REVIEW_FIELDS = """
            fragment ReviewFields on PullRequestReview {
              id
              fullDatabaseId
              state
              submittedAt
              author { login }
              comments(first: %d) { totalCount %s nodes { ...CommentFields } }
            }
            """.formatted(NESTED_COMMENTS, PAGE_INFO);

    private static final String COMMIT_FIELDS = """
            fragment CommitFields on PullRequestCommit {
              commit { oid authoredDate }
            }
            """;

    private static final String PULL_REQUEST_FIELDS = """
            fragment PullRequestFields on PullRequest {
              id
              fullDatabaseId
              number
              title
              state
              isDraft
              createdAt
              updatedAt
              closedAt
              mergedAt
              author { login }
              mergeCommit { oid }
              headRefName
              headRefOid
              baseRefName
              additions
              deletions
              commits(first: %d) { totalCount %s nodes { ...CommitFields } }
              reviews(first: %d) { totalCount %s nodes { ...ReviewFields } }
              timelineItems(itemTypes: [READY_FOR_REVIEW_EVENT], last: 1) {
                nodes { ... on ReadyForReviewEvent { createdAt } }
              }
            }
            """.formatted(NESTED_COMMITS, PAGE_INFO, NESTED_REVIEWS, PAGE_INFO);

    /**
     * A page of a repository's pull requests in {@code $order}: a full sync reads them oldest first (so that
     * new ones land on later pages), an incremental one most recently updated first, up to the previous sync.
     */
    static final String PULL_REQUESTS = """
            query PullRequests($owner: String!, $name: String!, $first: Int!, $after: String, $order: IssueOrder!) {
              %s
              repository(owner: $owner, name: $name) {
                pullRequests(first: $first, after: $after, orderBy: $order) {
                  totalCount
                  %s
                  nodes { ...PullRequestFields }
                }
              }
            }
            """.formatted(RATE_LIMIT, PAGE_INFO) + PULL_REQUEST_FIELDS + REVIEW_FIELDS + COMMENT_FIELDS
            + COMMIT_FIELDS;

    /** More commits of one pull request. */
    static final String COMMITS = """
            query PullRequestCommits($id: ID!, $first: Int!, $after: String) {
              %s
              node(id: $id) {
                ... on PullRequest { commits(first: $first, after: $after) { totalCount %s nodes { ...CommitFields } } }
              }
            }
            """.formatted(RATE_LIMIT, PAGE_INFO) + COMMIT_FIELDS;

    /** More reviews of one pull request. */
    static final String REVIEWS = """
            query PullRequestReviews($id: ID!, $first: Int!, $after: String) {
              %s
              node(id: $id) {
                ... on PullRequest { reviews(first: $first, after: $after) { totalCount %s nodes { ...ReviewFields } } }
              }
            }
            """.formatted(RATE_LIMIT, PAGE_INFO) + REVIEW_FIELDS + COMMENT_FIELDS;

    /** More comments of one review. */
    static final String COMMENTS = """
            query ReviewComments($id: ID!, $first: Int!, $after: String) {
              %s
              node(id: $id) {
                ... on PullRequestReview { comments(first: $first, after: $after) { totalCount %s nodes { ...CommentFields } } }
              }
            }
            """.formatted(RATE_LIMIT, PAGE_INFO) + COMMENT_FIELDS;

    static final List<String> ALL = List.of(PULL_REQUESTS, COMMITS, REVIEWS, COMMENTS);

    private PullRequestQueries() {
    }
}
