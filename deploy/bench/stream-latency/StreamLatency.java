import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
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
 * SUBSCRIBERS EVENTS INTERVAL_MS [WARMUP] (broker from RABBITMQ_HOST, RABBITMQ_PORT, RABBITMQ_USER, RABBITMQ_PASSWORD,
 * RABBITMQ_VHOST)
 * <p>
 * {@code --webhook} mode, the whole path: SUBSCRIBERS WebSocket subscribers of the global activity stream
 * through the gateway ({@code /api/v1/stream/global/activity}, as guests), then signed GitHub deliveries
 * POSTed through the gateway ({@code /api/v1/webhooks/github}) at RATE a second, each with a unique
 * {@code X-GitHub-Delivery}; a subscriber's {@code github.event} message carries the delivery id in
 * {@code data.delivery_id}, which times it from just before its POST. WARMUP deliveries go first, unmeasured.
 * Run: java -cp 'query-service/target/quarkus-app/lib/main/*' StreamLatency.java --webhook HOST PORT
 * SUBSCRIBERS EVENTS RATE WARMUP PAYLOAD_FILE EVENT_NAME [STREAM_HOST STREAM_PORT STREAM_PATH] (secret from
 * GITHUB_WEBHOOK_SECRET; the subscribers connect to the gateway unless STREAM_* name another place)
 */
public class StreamLatency {

    private static final String JOB_FIELD = "\"job_id\":\"";
    private static final String DELIVERY_FIELD = "\"delivery_id\":\"";

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--webhook")) {
            webhooks(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
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
        factory.setVirtualHost(System.getenv().getOrDefault("RABBITMQ_VHOST", "/"));
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

    /** Webhook deliveries through the gateway to global-activity subscribers through the gateway. */
    private static void webhooks(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        int subscribers = Integer.parseInt(args[2]);
        int events = Integer.parseInt(args[3]);
        int rate = Integer.parseInt(args[4]);
        int warmup = Integer.parseInt(args[5]);
        byte[] body = Files.readAllBytes(Path.of(args[6]));
        String event = args[7];
        // where the subscribers connect: the gateway unless told otherwise (e.g. query-service itself)
        String streamHost = args.length > 8 ? args[8] : host;
        int streamPort = args.length > 9 ? Integer.parseInt(args[9]) : port;
        String path = args.length > 10 ? args[10] : "/api/v1/stream/global/activity";
        String secret = System.getenv("GITHUB_WEBHOOK_SECRET");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        StringBuilder hex = new StringBuilder("sha256=");
        for (byte b : mac.doFinal(body)) {
            hex.append(String.format("%02x", b));
        }
        String signature = hex.toString();

        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        long[] latencies = new long[subscribers * events];
        AtomicInteger received = new AtomicInteger();
        AtomicInteger stray = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(subscribers * events);
        String[] sample = new String[1];

        Vertx vertx = Vertx.vertx();
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxConnections(subscribers + 10).setConnectTimeout(10_000));
        AtomicInteger connected = new AtomicInteger();
        String[] refused = new String[1];
        for (int batch = 0; batch < subscribers; batch += 100) {
            List<io.vertx.core.Future<?>> opened = new ArrayList<>();
            for (int i = batch; i < Math.min(subscribers, batch + 100); i++) {
                opened.add(client.connect(new WebSocketConnectOptions().setHost(streamHost).setPort(streamPort).setURI(path))
                        .onSuccess(socket -> connected.incrementAndGet())
                        .onFailure(e -> refused[0] = e.toString())
                        .map(socket -> socket.textMessageHandler(text -> {
                            long now = System.nanoTime();
                            int at = text.indexOf(DELIVERY_FIELD);
                            int from = at + DELIVERY_FIELD.length();
                            Long sent = at < 0 ? null : sentAt.get(text.substring(from, text.indexOf('"', from)));
                            if (sent != null) {
                                int slot = received.getAndIncrement();
                                if (slot < latencies.length) {
                                    latencies[slot] = now - sent;
                                }
                                all.countDown();
                                if (sample[0] == null) {
                                    sample[0] = text;
                                }
                            } else {
                                stray.incrementAndGet();
                            }
                        })));
            }
            io.vertx.core.Future.join(opened).otherwiseEmpty().toCompletionStage().toCompletableFuture()
                    .get(120, TimeUnit.SECONDS);
        }
        if (connected.get() < subscribers) {
            System.out.printf("only %d of %d subscribers could connect to %s:%d%s; first refusal: %s%n", connected.get(),
                    subscribers, streamHost, streamPort, path, refused[0]);
            vertx.close();
            System.exit(2);
        }
        System.out.println(subscribers + " subscribers connected to " + streamHost + ":" + streamPort + path
                + ", deliveries POSTed to " + host + ":" + port + "/api/v1/webhooks/github");
        Thread.sleep(2000);

        HttpClient http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(host).setDefaultPort(port),
                new io.vertx.core.http.PoolOptions().setHttp1MaxSize(64));
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        long[] answered = new long[events];
        AtomicInteger answers = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        Buffer payload = Buffer.buffer(body);
        String run = Long.toString(System.currentTimeMillis(), 36);
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = -warmup; i < events; i++) {
            long due = start + (i + warmup) * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String delivery = "bench-" + run + "-" + (i + warmup) + "-" + UUID.randomUUID();
            long posted = System.nanoTime();
            boolean measured = i >= 0;
            if (measured) {
                sentAt.put(delivery, posted);
            }
            http.request(new RequestOptions().setMethod(HttpMethod.POST).setURI("/api/v1/webhooks/github")
                    .putHeader("Content-Type", "application/json").putHeader("X-GitHub-Event", event)
                    .putHeader("X-GitHub-Delivery", delivery).putHeader("X-Hub-Signature-256", signature))
                    .compose(request -> request.send(payload))
                    .onSuccess(response -> {
                        if (measured) {
                            answered[answers.getAndIncrement()] = System.nanoTime() - posted;
                        }
                        statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                    })
                    .onFailure(e -> failures.incrementAndGet());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        boolean complete = all.await(60, TimeUnit.SECONDS);
        int count = Math.min(received.get(), latencies.length);
        long[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        System.out.printf("sent %d deliveries (%d measured) in %.1f s: %.1f/s; answers %s, %d failed to send%n",
                events + warmup, events, seconds, (events + warmup) / seconds, statuses, failures.get());
        System.out.printf("deliveries to subscribers: %d of %d expected%s; %d messages not from this run%n", count,
                subscribers * events, complete ? "" : " (some never arrived within 60 s)", stray.get());
        if (sample[0] != null) {
            System.out.println("a message: " + (sample[0].length() > 300 ? sample[0].substring(0, 300) + "…" : sample[0]));
        }
        long[] posts = Arrays.copyOf(answered, Math.min(answers.get(), events));
        Arrays.sort(posts);
        if (posts.length > 0) {
            System.out.printf("POST answered (202) in ms: p50 %.3f  p99 %.3f  max %.3f%n", ms(posts, 0.50),
                    ms(posts, 0.99), posts[posts.length - 1] / 1e6);
        }
        if (count > 0) {
            System.out.printf("latency ms: p50 %.3f  p99 %.3f  p99.9 %.3f  max %.3f%n", ms(sorted, 0.50),
                    ms(sorted, 0.99), ms(sorted, 0.999), sorted[count - 1] / 1e6);
        }
        client.close();
        http.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        System.exit(complete ? 0 : 1);
    }

    /** Nearest-rank percentile in milliseconds. */
    private static double ms(long[] sorted, double quantile) {
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
