package io.gitinsight.query.stream;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;

/** Everything about the repositories a user follows; only for that user or an admin. */
@WebSocket(path = "/stream/user/{user_id}/feed")
public class UserFeedWebSocket {

    private final StreamSessions sessions;

    public UserFeedWebSocket(StreamSessions sessions) {
        this.sessions = sessions;
    }

    @OnOpen
    public Uni<Void> open(WebSocketConnection connection) {
        return sessions.openFeed(connection);
    }

    @OnClose
    public void close(WebSocketConnection connection) {
        sessions.closed(connection);
    }
}
