package io.gitinsight.analysis.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.gitinsight.analysis.service.IngestedBatchService;
import io.gitinsight.messaging.EnvelopeHandler;
import io.gitinsight.model.events.EventType;

/** {@code github.data.ingested} → the facts are stored; the job's last batch starts the computation. */
@ApplicationScoped
public class DataIngestedConsumer {

    private final IngestedBatchService batches;

    public DataIngestedConsumer(IngestedBatchService batches) {
        this.batches = batches;
    }

    @Incoming("data-ingested")
    public CompletionStage<Void> consume(Message<?> message) {
        return EnvelopeHandler.handle(message, EventType.GITHUB_DATA_INGESTED, batches::accept);
    }
}
