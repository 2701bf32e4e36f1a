package io.gitinsight.support.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.support.error.ApiException;

/**
 * Authenticates the other services on {@code /internal/**}: they send {@code X-Internal-Token}, a shared
 * secret ({@code INTERNAL_SERVICE_TOKEN}) compared in constant time. The gateway never routes
 * {@code /internal}; this is the second lock. Without a configured secret every internal call is refused.
 */
@ApplicationScoped
public class InternalCallers {

    public static final String HEADER = "X-Internal-Token";
    private static final Logger LOG = Logger.getLogger(InternalCallers.class);

    private final byte[] secret;

    public InternalCallers(@ConfigProperty(name = "gitinsight.internal-token") Optional<String> secret) {
        this.secret = secret.filter(s -> !s.isBlank()).map(s -> s.getBytes(StandardCharsets.UTF_8)).orElse(null);
    }

    public void require(String presented) {
        if (presented == null || presented.isBlank()) {
            throw new ApiException(ErrorCode.AUTHENTICATION_REQUIRED, HEADER + " is required");
        }
        if (secret == null) {
            LOG.warn("an internal call was refused: INTERNAL_SERVICE_TOKEN is not set on this service");
        }
        if (secret == null || !MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(ErrorCode.AUTHORIZATION_DENIED, "not an internal caller");
        }
    }
}
