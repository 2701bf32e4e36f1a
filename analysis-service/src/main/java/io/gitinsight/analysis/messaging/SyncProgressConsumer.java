package io.gitinsight.analysis.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.gitinsight.analysis.service.AnalysisJobService;
import io.gitinsight.messaging.EnvelopeHandler;
import io.gitinsight.model.events.AnalysisProgress;
import io.gitinsight.model.events.EventType;

/** {@code repository.analysis.progress} from ingestion → the job's stage and progress (a failed sync fails it). */
@ApplicationScoped
public class SyncProgressConsumer {

    private final AnalysisJobService jobs;

    public SyncProgressConsumer(AnalysisJobService jobs) {
        this.jobs = jobs;
    }

    @Incoming("sync-progress")
    public CompletionStage<Void> consume(Message<?> message) {
        return EnvelopeHandler.handle(message, EventType.REPOSITORY_ANALYSIS_PROGRESS,
                envelope -> jobs.onProgress(envelope.repositoryId(), envelope.payloadAs(AnalysisProgress.class)));
    }
}
