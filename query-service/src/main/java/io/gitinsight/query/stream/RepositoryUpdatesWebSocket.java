package io.gitinsight.query.stream;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;

/** Analysis progress, new metrics and new insights of one repository; public, latest state first. */
@WebSocket(path = "/stream/repository/{id}/updates")
public class RepositoryUpdatesWebSocket {

    private final StreamSessions sessions;

    public RepositoryUpdatesWebSocket(StreamSessions sessions) {
        this.sessions = sessions;
    }

    @OnOpen
    public Uni<Void> open(WebSocketConnection connection) {
        return sessions.openRepository(connection);
    }

    @OnClose
    public void close(WebSocketConnection connection) {
        sessions.closed(connection);
    }
}
