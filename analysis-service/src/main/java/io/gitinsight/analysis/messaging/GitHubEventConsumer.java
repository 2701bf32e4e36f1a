package io.gitinsight.analysis.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.gitinsight.analysis.service.WebhookEventService;
import io.gitinsight.messaging.EnvelopeHandler;
import io.gitinsight.model.events.EventType;

/** {@code github.event.received} → the event's fact is stored and the repository's metrics follow. */
@ApplicationScoped
public class GitHubEventConsumer {

    private final WebhookEventService events;

    public GitHubEventConsumer(WebhookEventService events) {
        this.events = events;
    }

    @Incoming("github-events")
    public CompletionStage<Void> consume(Message<?> message) {
        return EnvelopeHandler.handle(message, EventType.GITHUB_EVENT_RECEIVED, events::accept);
    }
}
