package io.gitinsight.auth.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.gitinsight.auth.config.AuthConfig;

/** AES-256-GCM at rest, and rotation of TOKEN_ENCRYPTION_KEY by the key id stored with each value. */
class SecretCipherTest {

    private static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_B = Base64.getEncoder().encodeToString("b".repeat(32).getBytes(StandardCharsets.US_ASCII));

    @Test
    void sealsWithTheCurrentKeyAndOpensAgain() {
        SecretCipher cipher = new SecretCipher(config(KEY_A));
        byte[] secret = "gho_16C7e42F292c6912E7710c838347Ae178B4a".getBytes(StandardCharsets.UTF_8);

        SecretCipher.Sealed sealed = cipher.seal(secret);

        assertThat(sealed.keyId()).isEqualTo(cipher.currentKeyId()).matches("[0-9a-f]{16}");
        assertThat(sealed.ciphertext()).hasSize(secret.length + 16).isNotEqualTo(secret);
        assertThat(cipher.open(sealed)).isEqualTo(secret);
        assertThat(cipher.seal(secret).nonce()).isNotEqualTo(sealed.nonce());
    }

    @Test
    void opensValuesSealedWithAPreviousKeyAfterARotation() {
        SecretCipher.Sealed old = new SecretCipher(config(KEY_A)).seal("token".getBytes(StandardCharsets.UTF_8));

        SecretCipher rotated = new SecretCipher(config(KEY_B, KEY_A));

        assertThat(rotated.currentKeyId()).isNotEqualTo(old.keyId());
        assertThat(new String(rotated.open(old), StandardCharsets.UTF_8)).isEqualTo("token");
        assertThat(rotated.seal(new byte[] { 1 }).keyId()).isEqualTo(rotated.currentKeyId());
    }

    @Test
    void refusesAnUnknownKeyATamperedValueAndAShortKey() {
        SecretCipher.Sealed sealed = new SecretCipher(config(KEY_A)).seal("token".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> new SecretCipher(config(KEY_B)).open(sealed))
                .isInstanceOf(SecretCipher.UnknownKeyException.class);
        byte[] tampered = sealed.ciphertext().clone();
        tampered[0] ^= 1;
        assertThatThrownBy(() -> new SecretCipher(config(KEY_A))
                .open(new SecretCipher.Sealed(sealed.keyId(), sealed.nonce(), tampered)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretCipher(config(Base64.getEncoder().encodeToString(new byte[16]))))
                .hasMessageContaining("256 bits");
    }

    /** Only the two key settings matter to the cipher. */
    private static AuthConfig config(String current, String... previous) {
        return (AuthConfig) Proxy.newProxyInstance(AuthConfig.class.getClassLoader(), new Class<?>[] { AuthConfig.class },
                (proxy, method, args) -> switch (method.getName()) {
                    case "tokenEncryptionKey" -> Optional.of(current);
                    case "previousTokenEncryptionKeys" -> Optional.of(List.of(previous));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
