package io.gitinsight.ingestion.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.gitinsight.ingestion.service.SyncService;
import io.gitinsight.messaging.EnvelopeHandler;
import io.gitinsight.model.events.AnalysisRequested;
import io.gitinsight.model.events.EventType;

/**
 * Consumes {@code repository.analysis.requested}: runs the sync and acknowledges only when its output is
 * published (or its failure reported). A message that is not an envelope of this type, or names no job, is
 * poison and is dead-lettered at once; when the sync cannot even record its outcome (the database or the
 * broker is away) it is retried with back-off, and parked on the dead-letter queue only if that keeps
 * failing ({@link EnvelopeHandler}). A sync that fails at GitHub is not retried here: it reports the job
 * failed, which the user sees and may start again.
 */
@ApplicationScoped
public class AnalysisRequestConsumer {

    private final SyncService sync;

    public AnalysisRequestConsumer(SyncService sync) {
        this.sync = sync;
    }

    @Incoming("analysis-requests")
    public CompletionStage<Void> consume(Message<?> message) {
        return EnvelopeHandler.handle(message, EventType.REPOSITORY_ANALYSIS_REQUESTED, envelope -> {
            AnalysisRequested request = envelope.payloadAs(AnalysisRequested.class);
            if (request.jobId() == null || request.repositoryId() == null) {
                throw new IllegalArgumentException("job_id and repository_id are required");
            }
            return sync.run(request);
        });
    }
}
