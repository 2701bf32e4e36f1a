import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;

/**
 * A backend that answers every request at once with the same small JSON document: what
 * gateway-overhead.sh --stub puts behind the gateway, so that the benchmark measures the gateway and
 * not a service. One server instance per core, all on the same port.
 * Run: java -cp 'api-gateway/target/quarkus-app/lib/main/*' StubBackend.java PORT
 */
public class StubBackend extends AbstractVerticle {

    static final String BODY = "{\"data\":[{\"id\":\"8f0e2a6c-3b7e-4c1e-9a51-0c9d3f1b2a77\",\"full_name\":\"octo/hello\","
            + "\"language\":\"Java\",\"stars\":1234,\"score\":0.93},{\"id\":\"1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed\","
            + "\"full_name\":\"octo/world\",\"language\":\"Go\",\"stars\":987,\"score\":0.88}],"
            + "\"window\":\"7d\",\"cached\":true}";

    private final int port;

    StubBackend(int port) {
        this.port = port;
    }

    @Override
    public void start() {
        vertx.createHttpServer()
                .requestHandler(request -> request.response().putHeader("Content-Type", "application/json").end(BODY))
                .listen(port, "127.0.0.1");
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Vertx vertx = Vertx.vertx();
        int instances = Runtime.getRuntime().availableProcessors();
        vertx.deployVerticle(() -> new StubBackend(port), new DeploymentOptions().setInstances(instances))
                .onSuccess(id -> System.out.println("stub backend listening on 127.0.0.1:" + port))
                .onFailure(failure -> {
                    failure.printStackTrace();
                    System.exit(1);
                });
    }
}
