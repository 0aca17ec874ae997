package cn.tongguan.console.citymap;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.console.cache.CacheDatabase;
import cn.tongguan.console.cache.CacheMeta;
import cn.tongguan.console.cache.CaseCache;
import cn.tongguan.console.cache.GeoStore;
import cn.tongguan.console.cache.ReferenceHolder;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.support.SmallCity;
import cn.tongguan.console.support.TestPlatform;
import cn.tongguan.console.sync.GeoClient;
import cn.tongguan.console.sync.GeoSync;
import cn.tongguan.map.Feature;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 一张图's facts without the toolkit, against a real platform serving a generated small city: a cold start
 * downloads every layer into the cache, a second start is 304 for each; the view model reads the layers, the
 * open cases with their light, cards, breadcrumb, the class filter and the kept view.
 */
class CityMapViewModelTest {
    @TempDir
    Path dir;
    private TestPlatform platform;
    private CacheDatabase db;

    @BeforeEach
    void start() {
        platform = new TestPlatform(dir.resolve("platform")).start();
        SmallCity.load(platform);
        db = CacheDatabase.inMemory("citymap-" + System.nanoTime());
    }

    @AfterEach
    void stop() {
        db.close();
        platform.close();
    }

    @Test
    void coldDownloadsEveryLayerWarmIsNotModified() throws Exception {
        GeoStore store = new GeoStore(db);
        GeoSync sync = new GeoSync(new GeoClient(platform.client("dispatcher")), store);
        GeoSync.Outcome cold = sync.refresh();
        assertThat(cold.failed()).isEmpty();
        assertThat(cold.downloaded()).hasSize(8);
        GeoSync.Outcome warm = new GeoSync(new GeoClient(platform.client("dispatcher")), new GeoStore(db)).refresh();
        assertThat(warm.downloaded()).isEmpty();
        assertThat(warm.current()).hasSize(8);
        assertThat(store.part(String.format("410702%s%06d", "01037", 1))).get()
                .satisfies(p -> assertThat(p.className()).isEqualTo("路灯"))
                .satisfies(p -> assertThat(p.door()).isEqualTo(3))
                .satisfies(p -> assertThat(p.department()).isEqualTo("D01"));
    }

    @Test
    void layersCardsBreadcrumbFilterAndTheKeptView() throws Exception {
        GeoStore store = new GeoStore(db);
        new GeoSync(new GeoClient(platform.client("dispatcher")), store).refresh();
        Messages messages = Messages.load(Locale.SIMPLIFIED_CHINESE);
        CacheMeta meta = new CacheMeta(db);
        // Two open cases in 红旗区, one of them in the grid of its first community's corner.
        var operator = platform.client("operator");
        CaseCache cases = new CaseCache(db);
        for (int i = 0; i < 2; i++) {
            cases.upsert(List.of(operator.create(new cn.tongguan.api.Cases.NewCase("hotline_12319", "event", "06",
                    "06010", SmallCity.WEST + SmallCity.DISTRICT + 0.001 + i * 0.02, SmallCity.SOUTH + 0.001,
                    "平原路" + i + "号", "垃圾" + i, "normal", "张三", "13812345678", null, false),
                    java.util.UUID.randomUUID().toString())));
        }
        CityMapViewModel model = new CityMapViewModel(messages, new ReferenceHolder(meta), store, null,
                cases, meta, Runnable::run, Runnable::run, platform.clock());
        model.open();
        CityGeography geo = model.geographyProperty().get();
        assertThat(geo.districts()).extracting(f -> f.text("name")).containsExactlyInAnyOrder("卫滨区", "红旗区");
        assertThat(geo.streets()).hasSize(4);
        assertThat(geo.communities()).hasSize(8);
        assertThat(geo.grids()).hasSize(72);
        assertThat(geo.roads()).extracting(f -> f.text("name")).contains("平原路", "胜利路");
        assertThat(geo.parts()).hasSize(SmallCity.PARTS);
        assertThat(geo.partClasses()).containsEntry("01002", "污水井盖").hasSize(3);

        Feature district = geo.districts().stream().filter(f -> f.id().equals("410702")).findFirst().orElseThrow();
        model.drilled(0, "红旗区");
        model.clicked("district", district);
        assertThat(model.breadcrumb()).containsExactly("新乡市", "红旗区");
        assertThat(model.cardProperty().get().title()).isEqualTo("红旗区");
        assertThat(model.openCases()).hasSize(2).allMatch(c -> "410702".equals(c.districtCode()));
        assertThat(model.cardProperty().get().lines()).contains("在办案件：2 件", "其中超时：0 件");
        Feature corner = geo.grids().stream().filter(f -> f.id().equals("41070200100100")).findFirst().orElseThrow();
        model.clicked("grid", corner);
        assertThat(model.cardProperty().get().lines()).contains("在办案件：1 件");
        model.drilled(1, "健康路街道");
        model.drilled(-1, "");
        assertThat(model.breadcrumb()).containsExactly("新乡市");

        Feature part = geo.parts().get(0);
        model.clicked("parts", part);
        assertThat(model.cardProperty().get().lines()).contains("编码：" + part.id(), "类别：污水井盖",
                "权属部门：未登记", "位置：平原路1号");

        model.showClass("01037", false);
        List<Feature> shown = model.visibleParts();
        assertThat(shown).hasSize(SmallCity.PARTS * 2 / 3).noneMatch(f -> f.text("classCode").equals("01037"));
        model.keepView(113.9, 35.3, 15.5, Set.of("grid"));

        CityMapViewModel again = new CityMapViewModel(messages, new ReferenceHolder(meta), store, null,
                new CaseCache(db), meta, Runnable::run, Runnable::run, platform.clock());
        again.open();
        assertThat(again.restoredProperty().get()).isEqualTo(new CityView(113.9, 35.3, 15.5, Set.of("grid"),
                Set.of("01037")));
        assertThat(again.classShown("01037")).isFalse();
    }
}
