import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;

/**
 * The ceiling of a cached read: a bare Vert.x route that answers GET /fast/repositories/{id}/summary
 * with the bytes stored under one Redis key, one GET per request and nothing else (no cache
 * generation, no ETag, no JAX-RS). What cached-read.sh measures query-service against.
 * One verticle per core, all on the same port, each with a pooled Redis client.
 * Run: java -cp 'query-service/target/quarkus-app/lib/main/*' RedisCeiling.java PORT REDIS_URL KEY
 */
public class RedisCeiling extends AbstractVerticle {

    private final int port;
    private final String redisUrl;
    private final String key;

    RedisCeiling(int port, String redisUrl, String key) {
        this.port = port;
        this.redisUrl = redisUrl;
        this.key = key;
    }

    @Override
    public void start() {
        Redis redis = Redis.createClient(vertx,
                new RedisOptions().setConnectionString(redisUrl).setMaxPoolSize(32).setMaxPoolWaiting(4096));
        Router router = Router.router(vertx);
        router.get("/fast/repositories/:id/summary").handler(ctx -> redis.send(Request.cmd(Command.GET).arg(key))
                .onSuccess(value -> {
                    if (value == null) {
                        ctx.response().setStatusCode(404).end();
                    } else {
                        ctx.response().putHeader("Content-Type", "application/json").end(value.toBuffer());
                    }
                }).onFailure(failure -> ctx.response().setStatusCode(503).end(failure.getMessage())));
        vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1");
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Vertx vertx = Vertx.vertx();
        int instances = Runtime.getRuntime().availableProcessors();
        vertx.deployVerticle(() -> new RedisCeiling(port, args[1], args[2]), new DeploymentOptions().setInstances(instances))
                .onSuccess(id -> System.out.println("redis ceiling listening on 127.0.0.1:" + port))
                .onFailure(failure -> {
                    failure.printStackTrace();
                    System.exit(1);
                });
    }
}
