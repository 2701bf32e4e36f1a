package io.gitinsight.query.stream;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.model.security.Role;
import io.gitinsight.query.repository.FollowRepository;
import io.gitinsight.query.security.CredentialVerifier;
import io.gitinsight.query.security.RepositoryAccess;
import io.gitinsight.query.service.RepositoryService;
import io.gitinsight.support.error.ApiException;
import io.gitinsight.support.security.VerifiedToken;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.HandshakeRequest;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Opens a stream: checks who connects (CONTRACT §2: header or {@code ?access_token=}; 4401 when
 * credentials are missing where needed or invalid, 4403 when not allowed), registers the subscriber
 * and sends a repository's latest state first. Invalid parameters close with 4400, an unknown
 * repository with 4404, and so does a private one that the caller may not see.
 */
@ApplicationScoped
public class StreamSessions {

    public static final int CLOSE_BAD_REQUEST = 4400;
    public static final int CLOSE_UNAUTHENTICATED = 4401;
    public static final int CLOSE_FORBIDDEN = 4403;
    public static final int CLOSE_NOT_FOUND = 4404;
    private static final Logger LOG = Logger.getLogger(StreamSessions.class);

    private final CredentialVerifier credentials;
    private final StreamHub hub;
    private final LatestState latest;
    private final RepositoryService repositories;
    private final FollowRepository follows;
    private final RepositoryAccess access;

    public StreamSessions(CredentialVerifier credentials, StreamHub hub, LatestState latest,
            RepositoryService repositories, FollowRepository follows, RepositoryAccess access) {
        this.access = access;
        this.credentials = credentials;
        this.hub = hub;
        this.latest = latest;
        this.repositories = repositories;
        this.follows = follows;
    }

    public Uni<Void> openRepository(WebSocketConnection connection) {
        UUID id = uuid(connection.pathParam("id"));
        if (id == null) {
            return close(connection, CLOSE_BAD_REQUEST, "repository id must be a UUID");
        }
        Context loop = Vertx.currentContext();
        return authenticate(connection).call(caller -> access.check(id, caller)).call(caller -> repositories.get(id))
                .chain(caller -> {
                    Subscriber subscriber = hub.repository(connection, loop, id,
                            caller.map(RepositoryAccess::userId).orElse(null),
                            admin(caller));
                    return latest.recall(id).invoke(subscriber::start).replaceWithVoid();
                }).onFailure().recoverWithUni(failure -> refuse(connection, failure));
    }

    public Uni<Void> openGlobal(WebSocketConnection connection) {
        Map<String, List<String>> query = query(connection.handshakeRequest());
        String eventType = first(query, "event_type");
        String repository = first(query, "repository");
        if ((eventType != null && eventType.length() > 100) || (repository != null && repository.length() > 200)) {
            return close(connection, CLOSE_BAD_REQUEST, "filter too long");
        }
        Context loop = Vertx.currentContext();
        return authenticate(connection).invoke(caller -> hub.global(connection, loop, StreamFilter.of(eventType, repository),
                caller.map(RepositoryAccess::userId).orElse(null), admin(caller)).start(null)).replaceWithVoid().onFailure()
                .recoverWithUni(failure -> refuse(connection, failure));
    }

    public Uni<Void> openFeed(WebSocketConnection connection) {
        UUID userId = uuid(connection.pathParam("user_id"));
        Context loop = Vertx.currentContext();
        return authenticate(connection).chain(caller -> {
            if (caller.isEmpty()) {
                return close(connection, CLOSE_UNAUTHENTICATED, "a feed needs an access token");
            }
            if (userId == null || (!caller.get().subject().equalsIgnoreCase(userId.toString())
                    && caller.get().role() != Role.ADMIN)) {
                return close(connection, CLOSE_FORBIDDEN, "only its owner or an admin may open this feed");
            }
            return follows.followedBy(userId).invoke(followed -> hub.feed(connection, loop, userId, followed).start(null))
                    .replaceWithVoid();
        }).onFailure().recoverWithUni(failure -> refuse(connection, failure));
    }

    private static boolean admin(Optional<VerifiedToken> caller) {
        return caller.map(c -> c.role() == Role.ADMIN).orElse(false);
    }

    public void closed(WebSocketConnection connection) {
        hub.remove(connection);
    }

    private Uni<Optional<VerifiedToken>> authenticate(WebSocketConnection connection) {
        HandshakeRequest handshake = connection.handshakeRequest();
        return credentials.verify(handshake.header("Authorization"), handshake.header("X-API-Key"),
                first(query(handshake), "access_token"));
    }

    private Uni<Void> refuse(WebSocketConnection connection, Throwable failure) {
        if (failure instanceof ApiException api) {
            if (api.code() == ErrorCode.AUTHENTICATION_REQUIRED) {
                return close(connection, CLOSE_UNAUTHENTICATED, api.getMessage());
            }
            if (api.code() == ErrorCode.REPOSITORY_NOT_FOUND) {
                return close(connection, CLOSE_NOT_FOUND, api.getMessage());
            }
        }
        LOG.warnf("stream %s could not be opened: %s", connection.handshakeRequest().path(), failure.getMessage());
        return close(connection, CloseReason.INTERNAL_SERVER_ERROR.getCode(), "the stream could not be opened");
    }

    private Uni<Void> close(WebSocketConnection connection, int code, String reason) {
        hub.remove(connection);
        String text = reason.length() > 120 ? reason.substring(0, 120) : reason;
        return connection.close(new CloseReason(code, text));
    }

    private static Map<String, List<String>> query(HandshakeRequest handshake) {
        String raw = handshake.query();
        return raw == null ? Map.of() : new QueryStringDecoder(raw, false).parameters();
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
