package io.gitinsight.support.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, the one digest the services use for secrets stored by hash and for keys derived from secrets. */
public final class Digests {

    private Digests() {
    }

    public static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    public static byte[] sha256(String input) {
        return sha256(input.getBytes(StandardCharsets.UTF_8));
    }

    /** The first {@code bytes} bytes of the digest in hex: a short name for a secret that reveals nothing. */
    public static String sha256Hex(byte[] input, int bytes) {
        return HexFormat.of().formatHex(sha256(input), 0, bytes);
    }

    public static String sha256Hex(String input) {
        return HexFormat.of().formatHex(sha256(input));
    }
}
