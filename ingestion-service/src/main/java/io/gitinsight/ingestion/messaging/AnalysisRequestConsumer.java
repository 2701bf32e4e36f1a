package io.gitinsight.ingestion.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.gitinsight.ingestion.service.SyncService;
import io.gitinsight.messaging.MessageBodies;
import io.gitinsight.model.events.AnalysisRequested;
import io.gitinsight.model.events.EventEnvelope;

/**
 * Consumes {@code repository.analysis.requested}: runs the sync and acknowledges only when its output
 * is published (or its failure reported). A message that is not an envelope of this type is poison: it
 * is rejected, and the broker moves it to the dead-letter queue.
 */
@ApplicationScoped
public class AnalysisRequestConsumer {

    private static final Logger LOG = Logger.getLogger(AnalysisRequestConsumer.class);

    private final SyncService sync;

    public AnalysisRequestConsumer(SyncService sync) {
        this.sync = sync;
    }

    @Incoming("analysis-requests")
    public CompletionStage<Void> consume(Message<?> message) {
        AnalysisRequested request;
        try {
            request = EventEnvelope.fromJson(MessageBodies.bytes(message.getPayload())).payloadAs(AnalysisRequested.class);
            if (request.jobId() == null || request.repositoryId() == null) {
                throw new IllegalArgumentException("job_id and repository_id are required");
            }
        } catch (IllegalArgumentException e) {
            LOG.warnf("poison message on analysis-requests, dead-lettered: %s", e.getMessage());
            return message.nack(e);
        }
        return sync.run(request).subscribeAsCompletionStage().thenCompose(ignored -> message.ack())
                .exceptionallyCompose(e -> message.nack(e));
    }
}
