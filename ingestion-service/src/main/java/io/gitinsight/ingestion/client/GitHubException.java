package io.gitinsight.ingestion.client;

/** GitHub answered with an error that retrying will not fix (or retries ran out). */
public class GitHubException extends RuntimeException {

    private final int status;

    public GitHubException(int status, String message) {
        super(message);
        this.status = status;
    }

    public GitHubException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** GitHub's status, or 0 when GitHub could not be reached. */
    public int status() {
        return status;
    }
}
