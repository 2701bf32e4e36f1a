package io.gitinsight.auth.security;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/** Rebuilds keys from their encoded form. */
final class PemKeys {

    private PemKeys() {
    }

    /** An RSA key pair from a PKCS#8 PEM private key (the public half is derived from it). */
    static KeyPair fromPem(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) privateKey(Base64.getDecoder().decode(base64));
            PublicKey publicKey = KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            return new KeyPair(publicKey, key);
        } catch (IllegalArgumentException | ClassCastException | GeneralSecurityException e) {
            throw new IllegalStateException("JWT_SIGNING_KEY is not an RSA private key in PKCS#8 PEM", e);
        }
    }

    static PrivateKey privateKey(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored private key is not PKCS#8 RSA", e);
        }
    }
}
