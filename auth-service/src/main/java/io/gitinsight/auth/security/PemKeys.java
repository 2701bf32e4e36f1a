package io.gitinsight.auth.security;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;

/** Rebuilds keys from their encoded form. */
final class PemKeys {

    private PemKeys() {
    }

    static PrivateKey privateKey(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored private key is not PKCS#8 RSA", e);
        }
    }
}
