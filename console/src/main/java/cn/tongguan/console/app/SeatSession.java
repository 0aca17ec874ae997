package cn.tongguan.console.app;

import cn.tongguan.api.Auth;
import cn.tongguan.console.cache.CacheDatabase;
import cn.tongguan.console.cache.CacheMeta;
import cn.tongguan.console.cache.CaseCache;
import cn.tongguan.console.cache.OutboxStore;
import cn.tongguan.console.cache.ReferenceHolder;
import cn.tongguan.console.sync.Outbox;
import cn.tongguan.console.sync.PlatformClient;
import cn.tongguan.console.sync.Session;
import cn.tongguan.console.sync.SessionToken;
import cn.tongguan.console.sync.SyncBus;
import cn.tongguan.console.sync.SyncEngine;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What exists while one user is signed in: the user's cache, the sync engine and the outbox. Built by
 * {@link ConsoleComposition}; the wall and meeting modes can take {@link #cases()}, {@link #bus()} etc. from here.
 */
public final class SeatSession implements AutoCloseable {
    private final Auth.User user;
    private final Session session;
    private final CacheDatabase database;
    private final CacheDatabase outboxDatabase;
    private final Path movedAside;
    private final CaseCache cases;
    private final CacheMeta meta;
    private final cn.tongguan.console.cache.GeoStore geo;
    private final OutboxStore outboxStore;
    private final ReferenceHolder reference;
    private final SyncBus bus = new SyncBus();
    private final SyncEngine engine;
    private final Outbox outbox;

    /**
     * {@code syncThread} runs the reference lists, the snapshot and the stream; {@code outboxThread} the outbox
     * alone, so a hung or slow snapshot never keeps the seat's actions from leaving.
     */
    /** {@code fileKey}: the key of the encrypted cache and outbox files ({@code CacheKey}), from the sign-in. */
    SeatSession(Auth.LoginResponse signIn, SessionToken token, Path dataDir, PlatformClient client,
                ScheduledExecutorService syncThread, ScheduledExecutorService outboxThread, Clock clock,
                String fileKey) {
        if (javafx.application.Platform.isFxApplicationThread()) {
            // Opening may move a million rows once; on the FX thread the window would hang (issue 20).
            throw new IllegalStateException("a seat's cache is opened on the background pool, not the FX thread");
        }
        this.user = signIn.user();
        this.session = new Session(client, token, signIn);
        Path directory = cacheDirectory(dataDir, client.base(), user.username());
        // The outbox has its own small file: a damaged case cache (rebuilt from the platform) never takes the queue.
        CacheDatabase.Opened queue = CacheDatabase.openOrRebuild(directory, "outbox", clock, fileKey);
        this.outboxDatabase = queue.db();
        CacheDatabase.Opened opened = CacheDatabase.openOrRebuild(directory, "cache", clock, fileKey);
        this.database = opened.db();
        this.movedAside = opened.movedAside() != null ? opened.movedAside() : queue.movedAside();
        this.cases = new CaseCache(database);
        this.meta = new CacheMeta(database);
        // The city's geography for the 一张图, in the same encrypted file (ADR 0120).
        this.geo = new cn.tongguan.console.cache.GeoStore(database);
        this.outboxStore = new OutboxStore(outboxDatabase);
        // Queued actions of files from before (unencrypted, or the outbox inside the cache) are kept, in order.
        outboxStore.adopt(queue.plain());
        outboxStore.adopt(opened.plain());
        outboxStore.adopt(new OutboxStore(database));
        this.reference = new ReferenceHolder(meta);
        this.engine = new SyncEngine(client, session, cases, meta, reference, syncThread, bus, clock);
        this.outbox = new Outbox(client, session, outboxStore, cases, outboxThread, bus, clock);
        engine.onConnected(outbox::flush);
    }

    /** One directory per platform address and user: two seats sharing a PC never mix caches or outboxes. */
    static Path cacheDirectory(Path dataDir, URI platform, String username) {
        String host = (platform.getHost() + "_" + platform.getPort()).replaceAll("[^A-Za-z0-9_.-]", "_");
        return dataDir.resolve(host).resolve(username.replaceAll("[^A-Za-z0-9_.-]", "_"));
    }

    void start() {
        engine.start();
        outbox.flush();
    }

    public Auth.User user() {
        return user;
    }

    /** Where a damaged cache file was moved this time (the seat tells the operator); null when none was. */
    public Path movedAside() {
        return movedAside;
    }

    public Session session() {
        return session;
    }

    public CaseCache cases() {
        return cases;
    }

    public CacheMeta meta() {
        return meta;
    }

    public cn.tongguan.console.cache.GeoStore geo() {
        return geo;
    }

    public OutboxStore outboxStore() {
        return outboxStore;
    }

    public ReferenceHolder reference() {
        return reference;
    }

    public SyncBus bus() {
        return bus;
    }

    public SyncEngine engine() {
        return engine;
    }

    public Outbox outbox() {
        return outbox;
    }

    /** Stops the event stream and the snapshot (the views hear STOPPED); the cache stays open. */
    public void stopSync() {
        engine.close();
    }

    @Override
    public void close() {
        engine.close();
        database.close();
        outboxDatabase.close();
    }
}
