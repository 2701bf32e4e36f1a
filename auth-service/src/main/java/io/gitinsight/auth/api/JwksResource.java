package io.gitinsight.auth.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jose4j.jwk.JsonWebKey;

import io.gitinsight.auth.security.SigningKeys;

/** The public half of the current and the previous signing key, for anyone verifying our tokens. */
@Path("/.well-known/jwks.json")
public class JwksResource {

    private final SigningKeys keys;

    public JwksResource(SigningKeys keys) {
        this.keys = keys;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String jwks() {
        return keys.publicKeys().toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }
}
