package io.gitinsight.auth.domain;

/** Where a request came from, for the audit log. */
public record ClientInfo(String ip, String userAgent) {
}
