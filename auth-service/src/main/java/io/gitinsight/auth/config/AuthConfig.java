package io.gitinsight.auth.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** auth-service configuration; every value comes from the contract's environment variables. */
@ConfigMapping(prefix = "gitinsight.auth")
public interface AuthConfig {

    Jwt jwt();

    GitHub github();

    /** Where the OAuth callback sends the browser, tokens in the fragment. */
    String frontendUrl();

    /**
     * {@code GITINSIGHT_LOCAL_OPERATOR}: whether the internal endpoint that signs in the local platform's
     * operator exists (the local profile of {@code deploy/local/up.sh}; never in production).
     */
    @WithDefault("false")
    boolean localOperator();

    /** GitHub logins that are admin from their first login. */
    Optional<List<String>> adminLogins();

    /** Base64 of the 256-bit AES key for secrets at rest; required outside dev and test. */
    Optional<String> tokenEncryptionKey();

    /** Earlier keys, still accepted for decryption while rows are re-encrypted. */
    Optional<List<String>> previousTokenEncryptionKeys();

    @WithDefault("P30D")
    Duration refreshTokenTtl();

    interface Jwt {
        String issuer();

        @WithDefault("PT15M")
        Duration accessTokenTtl();

        /**
         * An RSA private key (PKCS#8 PEM) to sign with instead of a generated one; it is stored like a
         * generated key, so the one it replaces stays published as previous.
         */
        Optional<String> signingKey();

        /** A signing key becomes "previous" after this long; JWKS keeps serving it for verification. */
        @WithDefault("P90D")
        Duration rotationPeriod();
    }

    interface GitHub {
        Optional<String> clientId();

        Optional<String> clientSecret();

        @WithDefault("read:user user:email read:org repo")
        String scopes();

        String webUrl();

        String apiUrl();
    }
}
