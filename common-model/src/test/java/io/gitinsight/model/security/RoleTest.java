package io.gitinsight.model.security;

import static io.gitinsight.model.security.Permission.ADMIN_SYSTEM;
import static io.gitinsight.model.security.Permission.ADMIN_USERS;
import static io.gitinsight.model.security.Permission.INSIGHTS_EXPORT;
import static io.gitinsight.model.security.Permission.INSIGHTS_READ;
import static io.gitinsight.model.security.Permission.REPOSITORY_ANALYZE;
import static io.gitinsight.model.security.Permission.REPOSITORY_READ;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The matrix of CONTRACT §2, row by row. */
class RoleTest {

    @Test
    void guestsReadPublicDataOnly() {
        assertThat(Role.GUEST.permissions()).containsExactlyInAnyOrder(REPOSITORY_READ, INSIGHTS_READ);
    }

    @Test
    void usersMayAlsoAnalyze() {
        assertThat(Role.USER.permissions()).containsExactlyInAnyOrder(REPOSITORY_READ, INSIGHTS_READ,
                REPOSITORY_ANALYZE);
    }

    @Test
    void premiumUsersMayAlsoExport() {
        assertThat(Role.PREMIUM.permissions()).containsExactlyInAnyOrder(REPOSITORY_READ, INSIGHTS_READ,
                REPOSITORY_ANALYZE, INSIGHTS_EXPORT);
    }

    @Test
    void adminsMayDoEverything() {
        assertThat(Role.ADMIN.permissions()).containsExactlyInAnyOrder(Permission.values());
        assertThat(Role.ADMIN.has(ADMIN_USERS)).isTrue();
        assertThat(Role.PREMIUM.has(ADMIN_SYSTEM)).isFalse();
    }

    @Test
    void hourlyLimitsFollowTheContract() {
        assertThat(Role.GUEST.requestsPerHour()).isEqualTo(100);
        assertThat(Role.USER.requestsPerHour()).isEqualTo(1000);
        assertThat(Role.PREMIUM.requestsPerHour()).isEqualTo(5000);
    }

    @Test
    void namesRoundTripThroughTheirTokenForm() {
        assertThat(Role.fromValue("premium")).contains(Role.PREMIUM);
        assertThat(Role.fromValue("PREMIUM")).isEmpty();
        assertThat(Permission.fromValue("insights:export")).contains(INSIGHTS_EXPORT);
        assertThat(Permission.fromValue("insights:write")).isEmpty();
    }
}
