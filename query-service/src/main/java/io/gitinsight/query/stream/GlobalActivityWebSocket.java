package io.gitinsight.query.stream;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;

/** Every GitHub event ingestion receives, filtered by {@code ?event_type=&repository=}; public. */
@WebSocket(path = "/stream/global/activity")
public class GlobalActivityWebSocket {

    private final StreamSessions sessions;

    public GlobalActivityWebSocket(StreamSessions sessions) {
        this.sessions = sessions;
    }

    @OnOpen
    public Uni<Void> open(WebSocketConnection connection) {
        return sessions.openGlobal(connection);
    }

    @OnClose
    public void close(WebSocketConnection connection) {
        sessions.closed(connection);
    }
}
