package io.gitinsight.query.messaging;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.gitinsight.model.events.EventEnvelope;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * Consumes the events this service reacts to from its own queue, one per replica ({@link StreamQueue}), so
 * that every replica sees every event and fans it out to its own subscribers. Such a queue is a copy of the stream, not the
 * record of it (the facts are in the
 * database), so a message that cannot be handled is logged and acknowledged rather than dead-lettered
 * once per replica.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    static final int REMEMBERED = 10_000;

    private final EventRouter router;
    private final RecentEvents recent = new RecentEvents(REMEMBERED);

    public EventConsumer(EventRouter router) {
        this.router = router;
    }

    @Incoming("stream-events")
    public CompletionStage<Void> consume(Message<?> message) {
        EventEnvelope envelope;
        try {
            envelope = EventEnvelope.fromJson(bytes(message.getPayload()));
            envelope.eventType();
        } catch (IllegalArgumentException | IllegalStateException e) {
            LOG.warnf("not an event this service understands, skipped: %s", e.getMessage());
            return message.ack();
        }
        if (!recent.firstTime(envelope.id())) {
            LOG.debugf("%s %s seen before, skipped", envelope.type(), envelope.id());
            return message.ack();
        }
        return router.handle(envelope).onFailure().invoke(e -> LOG.errorf(e, "event %s %s could not be handled",
                envelope.type(), envelope.id())).onFailure().recoverWithNull()
                .subscribeAsCompletionStage().thenCompose(ignored -> message.ack());
    }

    /** The connector hands JSON bodies over decoded; the envelope is read from its bytes either way. */
    private static byte[] bytes(Object payload) {
        if (payload instanceof byte[] raw) {
            return raw;
        }
        if (payload instanceof JsonObject json) {
            return json.toBuffer().getBytes();
        }
        if (payload instanceof Buffer buffer) {
            return buffer.getBytes();
        }
        return String.valueOf(payload).getBytes(StandardCharsets.UTF_8);
    }
}
