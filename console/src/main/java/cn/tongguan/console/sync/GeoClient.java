package cn.tongguan.console.sync;

import cn.tongguan.api.Geo;
import cn.tongguan.api.Lifeline;
import cn.tongguan.api.Reference;
import cn.tongguan.console.cache.GeoPart;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The platform's geography routes (ADR 0110) with {@code If-None-Match}: a layer the seat holds comes back as
 * 304 and costs no body. The parts arrive as the columnar NDJSON stream and are decoded block by block into
 * {@link GeoPart}s for a sink, so neither the response nor the layer is ever held whole here.
 */
public final class GeoClient {
    /** One GeoJSON layer is a few MB even for a real city's communities; the grids are bounded as before. */
    static final long LAYER_MAX = 64L << 20;
    /** A block of 10,000 parts is about half a megabyte of JSON. */
    static final int BLOCK_LINE_MAX = 16 << 20;
    private static final String BLOCK_START = "{\"type\":\"block\",";

    private final PlatformClient platform;

    public GeoClient(PlatformClient platform) {
        this.platform = platform;
    }

    /** A conditional answer: {@code body} null means 304, the copy with {@code etag} is current. */
    public record Answer(String etag, String body) {
        public boolean notModified() {
            return body == null;
        }
    }

    /** {@code GET /api/v1/geo/divisions?level=} or {@code /geo/lines?kind=} ({@code path} with its query). */
    public Answer geoJson(String path, String etag) throws IOException {
        try (Response response = call(path, etag)) {
            if (response.code() == 304) {
                return new Answer(etag, null);
            }
            platform.check(response);
            PlatformClient.expectType(response, "json");
            return new Answer(response.header("ETag"), PlatformClient.bounded(response.body(), LAYER_MAX));
        }
    }

    /**
     * {@code GET /api/v1/geo/parts}: null when {@code etag} is current (304); otherwise {@code stream} is called
     * with the answer's ETag and a source of parts that decodes the stream while the receiver takes them (the
     * cache, in one transaction). A stream that ends before its end line or its announced total is an error.
     */
    public String parts(String etag, PartsReceiver stream) throws IOException {
        try (Response response = call("/api/v1/geo/parts", etag)) {
            if (response.code() == 304) {
                return null;
            }
            platform.check(response);
            PlatformClient.expectType(response, "ndjson");
            String tag = response.header("ETag");
            LineReader reader = new LineReader(response.body().byteStream(), BLOCK_LINE_MAX);
            IOException[] failure = {null};
            stream.receive(tag, sink -> {
                try {
                    decode(reader, sink);
                } catch (IOException e) {
                    failure[0] = e;
                    throw new PartsCut(e);
                }
            });
            return tag;
        } catch (PartsCut cut) {
            throw cut.io;
        }
    }

    // The live things on the map and the heat per grid (issue 15): small JSON answers, blocking -------------

    /** Every lifeline sensor (water gauges, underpasses, smart manhole covers) with its last value. */
    public List<Reference.Sensor> sensors() throws IOException {
        return platform.json().readValue(platform.get("/api/v1/sensors", LAYER_MAX),
                new TypeReference<List<Reference.Sensor>>() { });
    }

    /** Each sensor's state as the platform judges it (OK, ALARM, NODATA: {@link Lifeline#SENSOR_STATES}). */
    public List<Lifeline.SensorStatus> sensorStatuses() throws IOException {
        return platform.json().readValue(platform.get("/api/v1/sensors/status", LAYER_MAX),
                new TypeReference<List<Lifeline.SensorStatus>>() { });
    }

    /** Every camera with its stream and its status (online/offline) as the reference data holds it. */
    public List<Reference.Camera> cameras() throws IOException {
        return platform.json().readValue(platform.get("/api/v1/cameras"), new TypeReference<List<Reference.Camera>>() { });
    }

    /** A sensor's stored readings in {@code [from, to)}, oldest first; none from a platform without them (404). */
    public List<Lifeline.Reading> readings(String sensorId, Instant from, Instant to) throws IOException {
        String id = URLEncoder.encode(sensorId, StandardCharsets.UTF_8);
        try {
            return platform.json().readValue(platform.get("/api/v1/sensors/" + id + "/readings?from=" + from + "&to=" + to),
                    new TypeReference<List<Lifeline.Reading>>() { });
        } catch (PlatformException e) {
            if (e.status() == 404) {
                return List.of();
            }
            throw e;
        }
    }

    /** {@code GET /api/v1/geo/heat}: cases reported in {@code [from, to)} per grid, of one big class unless null. */
    public Geo.Heat heat(Instant from, Instant to, String bigCode) throws IOException {
        String query = "?from=" + from + "&to=" + to
                + (bigCode == null ? "" : "&bigCode=" + URLEncoder.encode(bigCode, StandardCharsets.UTF_8));
        return platform.json().readValue(platform.get("/api/v1/geo/heat" + query), Geo.Heat.class);
    }

    /** Takes the parts of one response (e.g. replaces the cached layer with them). */
    public interface PartsReceiver {
        void receive(String etag, Consumer<Consumer<GeoPart>> parts);
    }

    /** Carries a read failure out through the receiver, which rolls its transaction back. */
    private static final class PartsCut extends RuntimeException {
        final IOException io;

        PartsCut(IOException io) {
            super(io);
            this.io = io;
        }
    }

    private void decode(LineReader reader, Consumer<GeoPart> sink) throws IOException {
        var json = platform.json();
        String first = reader.next();
        if (first == null) {
            throw new UnrecognisedAnswer("empty parts stream");
        }
        Geo.PartsHeader header = json.readValue(first, Geo.PartsHeader.class);
        if (!Geo.PARTS_FORMAT.equals(header.format())) {
            throw new UnrecognisedAnswer("parts in format " + header.format() + ", not " + Geo.PARTS_FORMAT);
        }
        double scale = header.coordinateScale();
        Dictionaries dict = new Dictionaries();
        long count = 0;
        String line;
        while ((line = reader.next()) != null) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith(BLOCK_START)) {
                // The platform writes "type" first: a block goes straight to its record, without a tree of
                // 10,000 × 11 nodes first (a third of the decoding time at full scale).
                count += emit(json.readValue(line, Geo.PartsBlock.class), dict, scale, sink);
                continue;
            }
            JsonNode node = json.readTree(line);
            String type = node.path("type").asText();
            if ("end".equals(type)) {
                Geo.PartsEnd end = json.treeToValue(node, Geo.PartsEnd.class);
                if (end.count() != count) {
                    throw new UnrecognisedAnswer("parts stream says " + end.count() + " parts, carried " + count);
                }
                return;
            }
            if (!"block".equals(type)) {
                throw new UnrecognisedAnswer("unknown line in the parts stream: " + type);
            }
            count += emit(json.treeToValue(node, Geo.PartsBlock.class), dict, scale, sink);
        }
        throw new UnrecognisedAnswer("parts stream cut after " + count + " of " + header.total() + " parts");
    }

    private static int emit(Geo.PartsBlock block, Dictionaries dict, double scale, Consumer<GeoPart> sink) {
        dict.add(block.dictionary());
        int n = block.codeSuffix().size();
        for (int i = 0; i < n; i++) {
            Geo.ClassEntry cls = at(dict.classes, block.classes()[i]);
            sink.accept(new GeoPart(block.code(dict.prefixes, i), cls == null ? null : cls.code(),
                    cls == null ? null : cls.name(), block.lng()[i] / scale, block.lat()[i] / scale,
                    at(dict.grids, block.grids()[i]), at(dict.departments, block.departments()[i]),
                    at(dict.states, block.states()[i]), at(dict.roads, block.roads()[i]),
                    block.doorNumbers()[i]));
        }
        return n;
    }

    private static <T> T at(List<T> list, int index) {
        return index < 0 || index >= list.size() ? null : list.get(index);
    }

    /** The stream's dictionaries as they grow block by block. */
    private static final class Dictionaries {
        final List<String> prefixes = new ArrayList<>();
        final List<Geo.ClassEntry> classes = new ArrayList<>();
        final List<String> grids = new ArrayList<>();
        final List<String> departments = new ArrayList<>();
        final List<String> states = new ArrayList<>();
        final List<String> roads = new ArrayList<>();

        void add(Geo.Dictionary d) {
            if (d == null) {
                return;
            }
            addAll(prefixes, d.codePrefixes());
            addAll(classes, d.classes());
            addAll(grids, d.grids());
            addAll(departments, d.departments());
            addAll(states, d.states());
            addAll(roads, d.roads());
        }

        private static <T> void addAll(List<T> into, List<T> more) {
            if (more != null) {
                into.addAll(more);
            }
        }
    }

    private Response call(String path, String etag) throws IOException {
        Request.Builder request = new Request.Builder().url(platform.url(path)).get();
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        // The platform builds a changed parts layer before its first byte (ADR 0131): seconds on a loaded machine,
        // more than the 30 s between two reads allowed for small answers would survive only by luck.
        okhttp3.Call call = platform.http().newBuilder().readTimeout(java.time.Duration.ofMinutes(3)).build()
                .newCall(request.build());
        // The parts of a real city are 8 MB gzipped: minutes on a slow line, not the 60 s of a small answer.
        call.timeout().timeout(10, java.util.concurrent.TimeUnit.MINUTES);
        return call.execute();
    }
}
