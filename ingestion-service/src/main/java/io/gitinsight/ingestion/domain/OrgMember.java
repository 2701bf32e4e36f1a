package io.gitinsight.ingestion.domain;

/**
 * A member GitHub listed for an organization. {@code role} is {@code admin} for the organization's owners;
 * {@code isPublic} is false for a concealed membership, which GitHub lists to members only.
 */
public record OrgMember(long githubId, String login, String avatarUrl, String role, boolean isPublic) {
}
