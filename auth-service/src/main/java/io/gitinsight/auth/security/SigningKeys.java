package io.gitinsight.auth.security;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

import io.gitinsight.auth.config.AuthConfig;
import io.gitinsight.auth.repository.SigningKeyRepository;
import io.gitinsight.auth.repository.SigningKeyRepository.StoredKey;
import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.support.error.ApiException;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * The RS256 keys: the current one signs, the current and the previous one verify and are published as
 * JWKS, so a rotation logs nobody out. Keys live sealed in the database, so restarts and replicas share
 * them; replicas re-read them every five minutes to pick up a rotation made elsewhere. A key id
 * ({@code kid}) is the key's RFC 7638 thumbprint.
 */
@Singleton
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    record KeySet(String kid, PrivateKey signingKey, JsonWebKeySet publicKeys) {
    }

    private final SigningKeyRepository repository;
    private final SecretCipher cipher;
    private final AuthConfig config;
    private final Clock clock;
    private static final Duration RELOAD_EVERY = Duration.ofMinutes(5);

    private volatile KeySet keys;
    private volatile Instant loadedAt = Instant.EPOCH;

    public SigningKeys(SigningKeyRepository repository, SecretCipher cipher, AuthConfig config) {
        this.repository = repository;
        this.cipher = cipher;
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    /** Loads at start; with the database down the service still starts and keeps retrying. */
    void onStart(@Observes StartupEvent event) {
        refresh().await().indefinitely();
    }

    @Scheduled(every = "30s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refreshIfDue() {
        return keys == null || loadedAt.isBefore(clock.instant().minus(RELOAD_EVERY)) ? refresh()
                : Uni.createFrom().voidItem();
    }

    private Uni<Void> refresh() {
        return ensureCurrent().onFailure().invoke(e -> LOG.warnf("signing keys not loaded: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    public String currentKid() {
        return loaded().kid();
    }

    public PrivateKey signingKey() {
        return loaded().signingKey();
    }

    public JsonWebKeySet publicKeys() {
        return loaded().publicKeys();
    }

    private KeySet loaded() {
        KeySet current = keys;
        if (current == null) {
            throw new ApiException(ErrorCode.UPSTREAM_UNAVAILABLE, "signing keys are not loaded yet (database unreachable)");
        }
        return current;
    }

    /** Makes a new current key now; the old current one becomes previous. */
    public Uni<Void> rotate() {
        return repository.createIfNoneNewerThan(clock.instant(), this::generate).chain(this::load);
    }

    /**
     * Loads the keys, creating the first one, a due rotation, or a replacement when the current key was
     * sealed with an encryption key this service no longer has.
     */
    Uni<Void> ensureCurrent() {
        if (config.jwt().signingKey().filter(k -> !k.isBlank()).isPresent()) {
            return ensureConfigured(config.jwt().signingKey().get());
        }
        Instant due = clock.instant().minus(config.jwt().rotationPeriod());
        return repository.newest(1).chain(newest -> {
            boolean usable = !newest.isEmpty() && cipher.canOpen(newest.get(0).privateKey().keyId());
            if (!newest.isEmpty() && !usable) {
                LOG.warnf("signing key %s was sealed with an unknown encryption key: creating a new one",
                        newest.get(0).kid());
            }
            if (usable && newest.get(0).createdAt().isAfter(due)) {
                return load();
            }
            Instant newerThan = usable ? due : clock.instant().minusSeconds(1);
            return repository.createIfNoneNewerThan(newerThan, this::generate).chain(this::load);
        });
    }

    /** A configured key is current as long as it is configured; it never rotates by itself. */
    private Uni<Void> ensureConfigured(String pem) {
        StoredKey configured = describe(PemKeys.fromPem(pem));
        return repository.newest(1).chain(newest -> {
            if (!newest.isEmpty() && newest.get(0).kid().equals(configured.kid())) {
                return load();
            }
            return repository.createIfNoneNewerThan(clock.instant(), () -> configured).chain(this::load);
        });
    }

    private Uni<Void> load() {
        return repository.newest(2).invoke(stored -> {
            StoredKey current = stored.get(0);
            List<JsonWebKey> published = new ArrayList<>();
            for (StoredKey key : stored) {
                published.add(parse(key.publicJwk()));
            }
            PrivateKey privateKey = PemKeys.privateKey(cipher.open(current.privateKey()));
            keys = new KeySet(current.kid(), privateKey, new JsonWebKeySet(published));
            loadedAt = clock.instant();
        }).replaceWithVoid();
    }

    private StoredKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            StoredKey key = describe(generator.generateKeyPair());
            LOG.infof("created RS256 signing key %s", key.kid());
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA key generation unavailable", e);
        }
    }

    private StoredKey describe(KeyPair pair) {
        RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) pair.getPublic());
        String kid = jwk.calculateBase64urlEncodedThumbprint("SHA-256");
        jwk.setKeyId(kid);
        jwk.setAlgorithm("RS256");
        jwk.setUse("sig");
        RSAPrivateKey privateKey = (RSAPrivateKey) pair.getPrivate();
        return new StoredKey(kid, cipher.seal(privateKey.getEncoded()),
                jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY), clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    private static JsonWebKey parse(String json) {
        try {
            return JsonWebKey.Factory.newJwk(json);
        } catch (JoseException e) {
            throw new IllegalStateException("stored public key is not a JWK", e);
        }
    }
}
