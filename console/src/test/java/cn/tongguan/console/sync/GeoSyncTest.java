package cn.tongguan.console.sync;

import static cn.tongguan.console.support.HostileBackend.html;
import static cn.tongguan.console.support.HostileBackend.inTurn;
import static cn.tongguan.console.support.HostileBackend.json;
import static cn.tongguan.console.support.HostileBackend.ndjson;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.console.cache.CacheDatabase;
import cn.tongguan.console.cache.GeoPart;
import cn.tongguan.console.cache.GeoStore;
import cn.tongguan.console.support.HostileBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The seat's geography against a broken platform: a parts stream cut before its end line, or one of another
 * format, leaves the parts already cached; a proxy's page in place of a layer leaves that layer's copy.
 */
class GeoSyncTest {
    private static final String HEADER = "{\"type\":\"header\",\"format\":\"tongguan.parts.columns/1\",\"total\":2,"
            + "\"blockSize\":10000,\"coordinateScale\":1000000}";
    private static final String BLOCK = "{\"type\":\"block\",\"dictionary\":{\"codePrefixes\":[\"41070201002\"],"
            + "\"classes\":[{\"code\":\"01002\",\"name\":\"污水井盖\"}],\"grids\":[],\"departments\":[\"D01\"],"
            + "\"states\":[\"完好\"],\"roads\":[\"平原路\"]},\"codePrefix\":[0,0],\"codeSuffix\":[\"000001\",\"000002\"],"
            + "\"classes\":[0,0],\"lng\":[113880000,113881000],\"lat\":[35290000,35291000],\"grids\":[-1,-1],"
            + "\"departments\":[0,-1],\"states\":[0,0],\"roads\":[0,0],\"doorNumbers\":[12,0]}";
    private static final String END = "{\"type\":\"end\",\"count\":2,\"nextCursor\":null}";
    private static final String LAYER = "{\"type\":\"FeatureCollection\",\"features\":[]}";

    private final HostileBackend backend;
    private final CacheDatabase db = CacheDatabase.inMemory("geo-" + UUID.randomUUID());

    GeoSyncTest() throws Exception {
        backend = new HostileBackend();
    }

    @AfterEach
    void close() {
        backend.close();
        db.close();
    }

    @Test
    void aCutOrForeignPartsStreamAndAProxyPageLeaveTheCachedCopies() {
        backend.on("GET", "/api/v1/geo/divisions*", inTurn(json(200, LAYER), json(200, LAYER), json(200, LAYER), html(200)))
                .on("GET", "/api/v1/geo/lines*", json(200, LAYER))
                .on("GET", "/api/v1/grids*", json(200, LAYER))
                .on("GET", "/api/v1/geo/parts*", inTurn(ndjson(HEADER, BLOCK, END), ndjson(HEADER, BLOCK.replace("000001", "000009")),
                        ndjson(HEADER.replace("columns/1", "columns/9"), BLOCK.replace("000001", "000009"), END)));
        GeoStore store = new GeoStore(db);
        GeoSync sync = new GeoSync(new GeoClient(backend.client()), store);
        GeoSync.Outcome first = sync.refresh();
        assertThat(first.failed()).isEmpty();
        assertThat(parts(store)).extracting(GeoPart::code).containsExactly("41070201002000001", "41070201002000002");
        assertThat(store.part("41070201002000001")).get().isEqualTo(new GeoPart("41070201002000001", "01002",
                "污水井盖", 113.88, 35.29, null, "D01", "完好", "平原路", 12));

        GeoSync.Outcome cut = sync.refresh();
        assertThat(cut.failed()).contains(GeoStore.PARTS, "divisions/district");
        // The cut stream's parts (other codes) never replace the cached ones.
        assertThat(parts(store)).extracting(GeoPart::code).containsExactly("41070201002000001", "41070201002000002");
        assertThat(store.body("divisions/district")).contains(LAYER);

        assertThat(sync.refresh().failed()).contains(GeoStore.PARTS);
        assertThat(parts(store)).extracting(GeoPart::code).containsExactly("41070201002000001", "41070201002000002");
    }

    private static List<GeoPart> parts(GeoStore store) {
        List<GeoPart> all = new ArrayList<>();
        store.parts(all::add);
        return all;
    }
}
