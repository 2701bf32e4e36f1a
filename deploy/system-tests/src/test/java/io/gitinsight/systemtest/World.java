package io.gitinsight.systemtest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.gitinsight.systemtest.client.Api;
import io.gitinsight.systemtest.client.ApiResponse;
import io.gitinsight.systemtest.client.Caller;
import io.gitinsight.systemtest.client.Login;
import io.gitinsight.systemtest.client.Login.Tokens;
import io.gitinsight.systemtest.client.Webhooks;
import io.gitinsight.systemtest.github.FakeRepository;
import io.gitinsight.systemtest.github.Languages;
import io.gitinsight.systemtest.github.OriginRepository;
import io.gitinsight.systemtest.github.RepositoryStubs;
import io.gitinsight.systemtest.platform.Platform;

/**
 * What the journeys share on one running platform: the clients, the GitHub accounts that can sign in, the
 * git repository behind the main GitHub repository, and that repository once it is tracked and analyzed
 * (whichever journey needs it first brings it about; the analysis journey does it while watching).
 */
public final class World implements AutoCloseable {

    /** The repository GitHub's webhook examples are about, so that they reach it as they are. */
    public static final String OWNER = "Codertocat";
    public static final String MAIN = "Hello-World";
    public static final long MAIN_GITHUB_ID = 186853002L;

    public static final String ALICE = "alice";
    public static final String PAT = "pat";

    private final Platform platform;
    private final Api api;
    private final Login login;
    private final Webhooks webhooks;
    private final OriginRepository origin;
    private final Path pristine;
    private final RepositoryStubs mainStubs;
    private final Map<String, Tokens> sessions = new HashMap<>();
    private Analyses.Analyzed main;
    private Caller reader;

    public World(Platform platform) throws IOException, InterruptedException {
        this.platform = platform;
        this.api = new Api(platform.gatewayUrl());
        this.login = new Login(api, platform.github().url());
        this.webhooks = new Webhooks(api, Platform.WEBHOOK_SECRET);
        this.origin = OriginRepository.build(platform.work().resolve("origin"));
        // the drills analyze this history as it was first analyzed, whatever later journeys push
        this.pristine = origin.snapshot(platform.work().resolve("pristine.git"));
        platform.github().user(Platform.ADMIN_LOGIN, 9001, "Ada Admin", "ada@example.com", "ada@example.com");
        platform.github().user(ALICE, 9002, "Alice Analyst", null, "alice@example.com");
        platform.github().user(PAT, 9003, "Pat Premium", "pat@example.com", "pat@example.com");
        this.mainStubs = platform.github().repository(repository(MAIN, MAIN_GITHUB_ID, origin.cloneUrl()));
    }

    /** A GitHub repository named {@code name} whose history is {@code cloneUrl}'s. */
    public FakeRepository repository(String name, long githubId, String cloneUrl) {
        Map<String, Long> languages = new LinkedHashMap<>();
        // bytes per language of the tip's files, as GitHub's linguist would report them (worked out in Languages)
        languages.putAll(Languages.bytes(origin));
        return new FakeRepository(OWNER, name, githubId, cloneUrl, OriginRepository.BRANCH, languages);
    }

    /** A signed-in session of {@code login} (signed in once per run). */
    public synchronized Tokens session(String githubLogin) {
        return sessions.computeIfAbsent(githubLogin, login::signIn);
    }

    public synchronized void replaceSession(Tokens tokens) {
        sessions.put(tokens.login(), tokens);
    }

    public Tokens admin() {
        return session(Platform.ADMIN_LOGIN);
    }

    public Tokens alice() {
        return session(ALICE);
    }

    /**
     * Who the journeys read and poll as: an API key with the read scopes whose hourly budget an admin raised
     * (CONTRACT §2: "e.g. for load tests and integrations"), so that polling never spends a guest's 100.
     */
    public synchronized Caller reader() {
        if (reader == null) {
            ApiResponse created = api.post("/auth/api-keys", Map.of("name", "system-test reader", "scopes",
                    List.of("repository:read", "insights:read"), "rate_limit_per_hour", 1_000_000), admin().caller());
            if (created.status() != 201) {
                throw new IllegalStateException("the reader's API key was refused: " + created.describe());
            }
            reader = Caller.apiKey("reader", created.json().path("key").asText());
        }
        return reader;
    }

    /** The main repository, tracked and analyzed once (by whichever journey asks first). */
    public synchronized Analyses.Analyzed mainRepository() {
        if (main == null) {
            main = new Analyses(this).addAndAnalyze(OWNER + "/" + MAIN, alice().caller());
        }
        return main;
    }

    synchronized void mainAnalyzed(Analyses.Analyzed analyzed) {
        main = analyzed;
    }

    synchronized boolean mainIsAnalyzed() {
        return main != null;
    }

    public Platform platform() {
        return platform;
    }

    public Api api() {
        return api;
    }

    public Login login() {
        return login;
    }

    public Webhooks webhooks() {
        return webhooks;
    }

    public OriginRepository origin() {
        return origin;
    }

    /** The history as it was before any journey pushed to it: a bare clone. */
    public Path pristine() {
        return pristine;
    }

    public RepositoryStubs mainStubs() {
        return mainStubs;
    }

    @Override
    public void close() {
        platform.close();
    }
}
