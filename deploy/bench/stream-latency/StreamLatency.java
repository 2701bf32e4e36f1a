import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

/**
 * Event-to-subscriber latency: opens SUBSCRIBERS WebSocket streams of one repository's updates, then
 * publishes WARMUP unmeasured and then EVENTS measured repository.analysis.progress envelopes on
 * gitinsight.events, one every INTERVAL ms,
 * and times each delivery from just before the publish to the moment a subscriber has the message
 * (publisher and subscribers in this one JVM, so one clock). Prints p50, p99, p99.9 and max over all
 * deliveries, and how many were expected.
 * Run: java -cp 'query-service/target/quarkus-app/lib/main/*' StreamLatency.java HOST PORT REPOSITORY_ID
 * SUBSCRIBERS EVENTS INTERVAL_MS [WARMUP] (broker from RABBITMQ_HOST, RABBITMQ_PORT, RABBITMQ_USER, RABBITMQ_PASSWORD)
 */
public class StreamLatency {

    private static final String JOB_FIELD = "\"job_id\":\"";

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String repository = args[2];
        int subscribers = Integer.parseInt(args[3]);
        int events = Integer.parseInt(args[4]);
        long interval = Long.parseLong(args[5]);
        int warmup = args.length > 6 ? Integer.parseInt(args[6]) : 0;

        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        long[] latencies = new long[subscribers * events];
        AtomicInteger received = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(subscribers * events);

        Vertx vertx = Vertx.vertx();
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxConnections(subscribers + 10).setConnectTimeout(10_000));
        String path = "/stream/repository/" + repository + "/updates";
        for (int batch = 0; batch < subscribers; batch += 100) {
            List<io.vertx.core.Future<?>> opened = new ArrayList<>();
            for (int i = batch; i < Math.min(subscribers, batch + 100); i++) {
                opened.add(client.connect(new WebSocketConnectOptions().setHost(host).setPort(port).setURI(path))
                        .map(socket -> socket.textMessageHandler(text -> {
                            long now = System.nanoTime();
                            int at = text.indexOf(JOB_FIELD);
                            Long sent = at < 0 ? null
                                    : sentAt.get(text.substring(at + JOB_FIELD.length(), at + JOB_FIELD.length() + 36));
                            if (sent != null) {
                                latencies[received.getAndIncrement()] = now - sent;
                                all.countDown();
                            }
                        })));
            }
            io.vertx.core.Future.all(opened).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        }
        System.out.println(subscribers + " subscribers connected to " + path);
        Thread.sleep(2000); // the latest state each subscriber gets first is not part of the measurement

        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(System.getenv().getOrDefault("RABBITMQ_HOST", "localhost"));
        factory.setPort(Integer.parseInt(System.getenv().getOrDefault("RABBITMQ_PORT", "5672")));
        factory.setUsername(System.getenv().getOrDefault("RABBITMQ_USER", "guest"));
        factory.setPassword(System.getenv().getOrDefault("RABBITMQ_PASSWORD", "guest"));
        try (Connection connection = factory.newConnection("stream-latency-bench")) {
            Channel channel = connection.createChannel();
            AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().contentType("application/json")
                    .deliveryMode(2).build();
            for (int i = -warmup; i < events; i++) {
                String job = UUID.randomUUID().toString();
                String envelope = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"repository.analysis.progress\","
                        + "\"version\":1,\"occurred_at\":\"" + Instant.now() + "\",\"correlation_id\":\"bench\","
                        + "\"repository_id\":\"" + repository + "\",\"payload\":{\"job_id\":\"" + job
                        + "\",\"stage\":\"bench\",\"progress\":" + Math.abs(i % 101) + ",\"items_processed\":" + (i + warmup)
                        + ",\"items_total\":" + events + "}}";
                if (i >= 0) {
                    sentAt.put(job, System.nanoTime());
                }
                channel.basicPublish("gitinsight.events", "repository.analysis.progress", properties,
                        envelope.getBytes(StandardCharsets.UTF_8));
                Thread.sleep(interval);
            }
        }
        boolean complete = all.await(60, TimeUnit.SECONDS);
        int count = received.get();
        long[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        System.out.printf("deliveries: %d of %d expected%s%n", count, subscribers * events,
                complete ? "" : " (some never arrived within 60 s)");
        if (count > 0) {
            System.out.printf("latency ms: p50 %.3f  p99 %.3f  p99.9 %.3f  max %.3f%n", ms(sorted, 0.50),
                    ms(sorted, 0.99), ms(sorted, 0.999), sorted[count - 1] / 1e6);
        }
        client.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        System.exit(complete ? 0 : 1);
    }

    /** Nearest-rank percentile in milliseconds. */
    private static double ms(long[] sorted, double quantile) {
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
