package io.gitinsight.query.cache;

import java.nio.charset.StandardCharsets;

import io.gitinsight.support.security.Digests;

/**
 * A serialized JSON answer with its entity tag. The tag is a digest of the bytes, so that equal answers
 * have equal tags on every replica and a changed answer never keeps an old tag.
 *
 * @param hit whether it came from Redis rather than from the database
 */
public record CachedBody(byte[] body, String etag, boolean hit) {

    private static final byte SEPARATOR = '\n';

    public static CachedBody fresh(byte[] body) {
        return new CachedBody(body, "\"" + Digests.sha256Hex(body, 16) + "\"", false);
    }

    /** The Redis value: the tag, a newline, the body. */
    byte[] encode() {
        byte[] tag = etag.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[tag.length + 1 + body.length];
        System.arraycopy(tag, 0, out, 0, tag.length);
        out[tag.length] = SEPARATOR;
        System.arraycopy(body, 0, out, tag.length + 1, body.length);
        return out;
    }

    static CachedBody decode(byte[] stored) {
        int split = 0;
        while (split < stored.length && stored[split] != SEPARATOR) {
            split++;
        }
        if (split == stored.length) {
            throw new IllegalStateException("cache entry without an entity tag");
        }
        byte[] body = new byte[stored.length - split - 1];
        System.arraycopy(stored, split + 1, body, 0, body.length);
        return new CachedBody(body, new String(stored, 0, split, StandardCharsets.US_ASCII), true);
    }
}
