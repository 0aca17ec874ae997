package cn.tongguan.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Auth;
import cn.tongguan.api.Cases;
import cn.tongguan.api.Json;
import cn.tongguan.api.testing.TestClocks;
import cn.tongguan.console.app.ConsoleApp;
import cn.tongguan.console.wall.WallLayout;
import cn.tongguan.console.wall.WallPresets;
import cn.tongguan.democity.CodeTables;
import cn.tongguan.democity.DemoCity;
import cn.tongguan.democity.DemoCityGenerator;
import cn.tongguan.democity.load.DemoCityLoader;
import cn.tongguan.democity.sim.LiveSimulator;
import cn.tongguan.democity.sim.Weather;
import cn.tongguan.platform.PlatformConfig;
import cn.tongguan.platform.PlatformServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The system as the README demo runs it, in one JVM: a platform holding the demo city, the city simulator
 * working it through the public API, and the console in wall mode, all on one clock. A report the simulator
 * files reaches the wall: its map always, and its latest-cases list when the scheduled preset has one. The
 * wall is run in the hall's morning (daily preset) and in its night (night preset), so the result never depends
 * on when the build runs.
 */
class WallEndToEndTest {
    private static final ObjectMapper JSON = Json.newMapper();
    private PlatformServer platform;
    private Application console;

    private Clock start(LocalTime hallTime) throws Exception {
        Clock clock = TestClocks.at(hallTime);
        platform = new PlatformServer(new PlatformConfig("127.0.0.1", 0), clock);
        platform.start();
        DemoCity city = new DemoCityGenerator().generate(20210721L, 20_000, DemoCityGenerator.DEFAULT_CAMERA_URL);
        Instant end = clock.instant();
        new DemoCityLoader(platform).load(city, CodeTables.load(), LocalDate.ofInstant(end, TestClocks.HALL)
                .minusDays(60), end, 5_000);
        FxToolkit.registerPrimaryStage();
        Path cache = Files.createTempDirectory("wall-cache");
        console = FxToolkit.setupApplication(() -> new ConsoleApp(clock, "--platform=http://127.0.0.1:" + platform.port(),
                "--wall", "--data=" + cache));
        return clock;
    }

    @AfterEach
    void stop() throws Exception {
        if (console != null) {
            FxToolkit.cleanupApplication(console);
        }
        FxToolkit.cleanupStages();
        if (platform != null) {
            platform.stop();
        }
    }

    @Test
    void inTheMorningTheDailyPresetListsTheReportAndMapsIt() throws Exception {
        Clock clock = start(TestClocks.MORNING);
        assertThat(scheduled(clock).name()).isEqualTo("日常");
        aSimulatedReportReachesTheWall(clock);
    }

    @Test
    void atNightTheNightPresetMapsTheReport() throws Exception {
        Clock clock = start(TestClocks.NIGHT);
        assertThat(scheduled(clock).name()).isEqualTo("夜间");
        aSimulatedReportReachesTheWall(clock);
    }

    /** The scheduled preset is on the wall, panel for panel, and the new report is wherever that preset shows cases. */
    private void aSimulatedReportReachesTheWall(Clock clock) throws Exception {
        WallLayout preset = scheduled(clock);
        Set<String> expected = preset.screens().stream().flatMap(s -> s.panels().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> panelsShown().equals(expected));
        assertThat(panelsShown()).as("the panels of preset %s", preset.name()).isEqualTo(expected);

        LiveSimulator simulator = new LiveSimulator(URI.create("http://127.0.0.1:" + platform.port()), "admin", "tongguan",
                600, Weather.RAINSTORM, 11, clock);
        simulator.tick(Duration.ofSeconds(1));
        Cases.Case newest = newestCase();
        assertThat(newest.reportedAt()).isAfter(clock.instant().minusSeconds(120));
        if (expected.contains("queue")) {
            WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> wallCases().stream().anyMatch(l -> l.contains(newest.caseNo())));
            assertThat(wallCases()).anyMatch(l -> l.contains(newest.caseNo()));
        }
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> onMap(newest) != null);
        cn.tongguan.map.LiveItem onMap = onMap(newest);
        assertThat(onMap).as("the new case on the wall's map").isNotNull();
        assertThat(onMap.lng()).isEqualTo(newest.lng());
    }

    private static WallLayout scheduled(Clock clock) throws Exception {
        return new WallPresets(List.of(WallLayout.shipped("daily"), WallLayout.shipped("night")), clock, l -> { })
                .scheduled();
    }

    /** The ids of the panels on the wall's windows ("map", "queue", …), read on the FX thread. */
    private static Set<String> panelsShown() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.isShowing())
                .flatMap(w -> w.getScene().getRoot().lookupAll(".wall-panel").stream())
                .map(Node::getId).filter(id -> id != null && id.startsWith("panel-"))
                .map(id -> id.substring("panel-".length()))
                .collect(Collectors.toCollection(TreeSet::new))).get(10, TimeUnit.SECONDS);
    }

    private static cn.tongguan.map.LiveItem onMap(Cases.Case c) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                .map(w -> w.getScene() == null ? null : w.getScene().lookup("#panel-map"))
                // The map panel is the map with the lifeline marks over it.
                .map(n -> n == null ? null : n.lookup(".map-view"))
                .filter(n -> n instanceof cn.tongguan.map.MapView)
                .map(n -> ((cn.tongguan.map.MapView) n).getOverlay().get("case-" + c.id()))
                .filter(item -> item != null).findFirst().orElse(null)).get(10, TimeUnit.SECONDS);
    }

    private Cases.Case newestCase() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + platform.port();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(new Auth.LoginRequest("wall", "tongguan")))).build(),
                HttpResponse.BodyHandlers.ofString());
        String token = JSON.readValue(login.body(), Auth.LoginResponse.class).token();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cases?sort=-reportedAt&limit=1"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readValue(page.body(), Cases.CasePage.class).items().get(0);
    }

    /** The lines of the wall's "latest cases" panel, read on the FX thread. */
    @SuppressWarnings("unchecked")
    private static List<String> wallCases() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                .map(w -> w.getScene() == null ? null : w.getScene().lookup("#panel-queue"))
                .filter(n -> n != null)
                .map(n -> ((ListView<String>) n.lookup(".wall-case")).getItems().stream().toList())
                .findFirst().orElse(List.<String>of())).get(10, TimeUnit.SECONDS);
    }
}
