package io.gitinsight.auth.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.gitinsight.auth.config.AuthConfig;
import io.gitinsight.support.security.Digests;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;

/**
 * AES-256-GCM for secrets at rest (GitHub tokens, signing keys). Every sealed value names the key that
 * sealed it, so that {@code TOKEN_ENCRYPTION_KEY} can rotate: new values use the current key, old ones
 * still open with a key listed as previous. Without a key, production refuses to start; dev and test
 * generate one per run.
 */
@Startup
@Singleton
public class SecretCipher {

    private static final Logger LOG = Logger.getLogger(SecretCipher.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    public record Sealed(String keyId, byte[] nonce, byte[] ciphertext) {
    }

    private final SecureRandom random = new SecureRandom();
    private final String currentKeyId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

    public SecretCipher(AuthConfig config) {
        byte[] current = config.tokenEncryptionKey().filter(k -> !k.isBlank()).map(SecretCipher::decodeKey)
                .orElseGet(this::developmentKey);
        currentKeyId = register(current);
        for (String previous : config.previousTokenEncryptionKeys().orElse(List.of())) {
            register(decodeKey(previous));
        }
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    public Sealed seal(byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(currentKeyId.getBytes(StandardCharsets.US_ASCII));
            return new Sealed(currentKeyId, nonce, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** Opens a sealed value; fails when its key is unknown or the value was tampered with. */
    public byte[] open(Sealed sealed) {
        SecretKeySpec key = keys.get(sealed.keyId());
        if (key == null) {
            throw new UnknownKeyException(sealed.keyId());
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.nonce()));
            cipher.updateAAD(sealed.keyId().getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(sealed.ciphertext());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed secret does not open with key " + sealed.keyId(), e);
        }
    }

    public boolean canOpen(String keyId) {
        return keys.containsKey(keyId);
    }

    private String register(byte[] key) {
        String id = keyId(key);
        keys.putIfAbsent(id, new SecretKeySpec(key, "AES"));
        return id;
    }

    /** The first 16 hex digits of the key's SHA-256: names a key without revealing it. */
    static String keyId(byte[] key) {
        return Digests.sha256Hex(key, 8);
    }

    private static byte[] decodeKey(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("TOKEN_ENCRYPTION_KEY is not base64", e);
        }
        if (key.length != 32) {
            throw new IllegalStateException("TOKEN_ENCRYPTION_KEY must be 256 bits (32 bytes), was " + key.length);
        }
        return key;
    }

    private byte[] developmentKey() {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            throw new IllegalStateException("TOKEN_ENCRYPTION_KEY is required: base64 of 32 random bytes "
                    + "(openssl rand -base64 32); secrets are never stored unencrypted");
        }
        LOG.warn("TOKEN_ENCRYPTION_KEY not set: using a key generated for this run only (dev/test)");
        byte[] key = new byte[32];
        random.nextBytes(key);
        return key;
    }

    /** A value sealed with a key this service no longer has. */
    public static class UnknownKeyException extends IllegalStateException {
        public UnknownKeyException(String keyId) {
            super("no encryption key with id " + keyId + " is configured");
        }
    }
}
