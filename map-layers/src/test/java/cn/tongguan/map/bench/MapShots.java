package cn.tongguan.map.bench;

import cn.tongguan.map.MapOptions;
import cn.tongguan.map.MapView;
import cn.tongguan.map.MapViewState;
import cn.tongguan.map.harness.CityLayers;
import cn.tongguan.map.harness.SyntheticCity;
import cn.tongguan.map.harness.Views;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Screenshots of the map control at city, district and street zoom on the full generated city (629,724 parts),
 * roads named, for docs/screenshots/ (needs X: xvfb-run). {@code -Dshots.out=DIR} (default docs/screenshots),
 * {@code -Dshots.prefix=map-}; {@code -Dshots.cases=28000} adds that many open cases over the urban core and
 * {@code -Dshots.views=city,core} chooses the views ({@code core}: the urban core at 11.5, a 1080p city view).
 */
public final class MapShots {
    private static final Logger LOG = LoggerFactory.getLogger(MapShots.class);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T08:00:00Z"), ZoneOffset.UTC);

    private MapShots() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
        Path out = Path.of(System.getProperty("shots.out", "docs/screenshots"));
        String prefix = System.getProperty("shots.prefix", "map-");
        Files.createDirectories(out);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        ExecutorService workers = Executors.newFixedThreadPool(2);
        SyntheticCity city = new SyntheticCity(42, SyntheticCity.PART_COUNT, CLOCK.instant());
        MapView map = MapBench.onFx(() -> new MapView(workers, Platform::runLater, MapOptions.defaults(), CLOCK));
        MapBench.onFx(() -> {
            CityLayers layers = new CityLayers(city);
            layers.roads.setStyle(layers.roads.style().withLabel("name", Color.web("#dde6f0")));
            map.getLayers().setAll(layers.all());
            map.getOverlay().putAll(city.live);
            map.getOverlay().putAll(openCases(Integer.getInteger("shots.cases", 0)));
            Stage stage = new Stage(StageStyle.UNDECORATED);
            stage.setScene(new Scene(new StackPane(map), 1920, 1080));
            stage.show();
            return null;
        });
        for (String name : System.getProperty("shots.views", "city,district,street").split(",")) {
            MapViewState view = name.equals("core") ? new MapViewState(113.9, 35.29, 11.5) : Views.named(name);
            MapBench.onFx(() -> {
                map.setViewState(view);
                return null;
            });
            Thread.sleep(300);
            while (!MapBench.onFx(map::isComplete)) {
                Thread.sleep(50);
            }
            Thread.sleep(300);
            Path file = out.resolve(prefix + name + ".png");
            MapBench.onFx(() -> {
                try {
                    save(map.getScene().snapshot(null), file);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return null;
            });
            LOG.info("wrote {} ({} labels)", file, MapBench.onFx(() -> map.drawnLabels().size()));
        }
        Platform.exit();
        workers.shutdownNow();
    }

    /** Open cases around the urban core, denser in the centre (the seat's 28,000 at real scale). */
    private static List<cn.tongguan.map.LiveItem> openCases(int n) {
        java.util.Random random = new java.util.Random(15);
        cn.tongguan.map.LiveStatus[] statuses = {cn.tongguan.map.LiveStatus.PENDING,
            cn.tongguan.map.LiveStatus.PENDING, cn.tongguan.map.LiveStatus.OVERDUE, cn.tongguan.map.LiveStatus.NORMAL};
        List<cn.tongguan.map.LiveItem> items = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(cn.tongguan.map.LiveItem.of("open-" + i, cn.tongguan.map.LiveKind.CASE,
                    113.9 + random.nextGaussian() * 0.06, 35.29 + random.nextGaussian() * 0.04,
                    statuses[random.nextInt(statuses.length)], CLOCK.instant().minusSeconds(7200)));
        }
        return items;
    }

    private static void save(WritableImage image, Path file) throws IOException {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage buffered = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        buffered.setRGB(0, 0, w, h, argb, 0, w);
        javax.imageio.ImageIO.write(buffered, "png", file.toFile());
    }
}
