package cn.tongguan.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Auth;
import cn.tongguan.api.Cases;
import cn.tongguan.api.Json;
import cn.tongguan.console.app.ConsoleApp;
import cn.tongguan.console.queue.QueueRow;
import cn.tongguan.democity.CodeTables;
import cn.tongguan.democity.DemoCity;
import cn.tongguan.democity.DemoCityGenerator;
import cn.tongguan.democity.load.DemoCityLoader;
import cn.tongguan.platform.PlatformConfig;
import cn.tongguan.platform.PlatformServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Application;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Screen;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A seat's first sign-in on the demo city (issue 13), against a real platform in this JVM: while the snapshot
 * arrives the seat shows a real progress bar with counts of the announced total and an estimate; no row ever
 * shows a class code where its name belongs; the hotline form's classes are there before anything is typed; the
 * footer and the status line tell one connection state; and once the highlighted case leaves the list, a letter
 * does not act on the case the detail showed. {@code -Dfirstsync.cases=N} (default 20,000) sizes the city; the
 * seat is photographed during its first sync to {@code target/screenshots/console-first-sync.png}.
 */
@ExtendWith(ApplicationExtension.class)
class SeatFirstSyncEndToEndTest {
    private static final Logger LOG = LoggerFactory.getLogger(SeatFirstSyncEndToEndTest.class);
    private static final ObjectMapper JSON = Json.newMapper();
    private static final Pattern PROGRESS =
            Pattern.compile("正在下载案件快照：已收到 ([\\d,]+) / ([\\d,]+) 件（(约 .+|正在估算剩余时间)）");
    private static final Pattern CODE = Pattern.compile("\\d{2,}");

    @TempDir
    Path dir;
    private PlatformServer platform;
    private Application console;
    /** One clock for the platform, its history and the console, at the suite's hour. */
    private final java.time.Clock clock = cn.tongguan.api.testing.TestClocks.suite();
    private int caseCount;
    private final List<String> barTexts = new CopyOnWriteArrayList<>();
    private final List<Double> barValues = new CopyOnWriteArrayList<>();
    private final List<String> codedRows = new CopyOnWriteArrayList<>();
    private volatile long firstRowsAtMillis = -1;

    @BeforeEach
    void start() throws Exception {
        platform = new PlatformServer(new PlatformConfig("127.0.0.1", 0), clock);
        platform.start();
        caseCount = Integer.getInteger("firstsync.cases", 20_000);
        DemoCity city = new DemoCityGenerator().generate(20210721L, 20_000, DemoCityGenerator.DEFAULT_CAMERA_URL);
        java.time.Instant end = clock.instant();
        new DemoCityLoader(platform).load(city, CodeTables.load(), LocalDate.ofInstant(end, ZoneId.of("Asia/Shanghai"))
                .minusDays(Math.max(60, caseCount / 1_250)), end, caseCount);
        FxToolkit.registerPrimaryStage();
        console = FxToolkit.setupApplication(() -> new ConsoleApp(clock, "--platform=http://127.0.0.1:" + platform.port(),
                "--data=" + dir.resolve("console")));
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(console);
        FxToolkit.cleanupStages();
        platform.stop();
    }

    @Test
    void theFirstSyncShowsItsProgressNamesNotCodesAndOneConnectionState(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#username").tryQuery().isPresent()
                && robot.lookup("#username").query().isFocused());
        fillScreen(robot);
        // Watch the seat from the moment it exists: every text of its bar and every rows of its queue are recorded.
        TabPane modes = robot.lookup("#modes").queryAs(TabPane.class);
        WaitForAsyncUtils.asyncFx(() -> modes.getTabs().addListener((ListChangeListener<Tab>) c -> {
            for (Tab tab : modes.getTabs()) {
                if (tab.getContent() != null) {
                    watchOnceShown(tab.getContent());
                }
            }
        })).get(5, TimeUnit.SECONDS);
        long signIn = System.nanoTime();
        robot.write("operator");
        robot.type(KeyCode.ENTER);
        robot.write("tongguan");
        robot.type(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#queueTable").tryQuery().isPresent());
        TableView<QueueRow> queue = table(robot);
        // Generous: on a loaded machine the FX thread takes the detail map's 8,769 grids in one go at this time.
        WaitForAsyncUtils.asyncFx(() -> watchRows(queue)).get(60, TimeUnit.SECONDS);
        assertThat(barTexts).as("the table is watched before the snapshot ends")
                .noneMatch(t -> t.startsWith("案件快照已收到"));

        // During the snapshot: a real ProgressBar with "已收到 n / total 件（约 …）"; photographed once rows arrive.
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> barTexts.stream().anyMatch(t -> rowsOf(t) > 0)
                || live(robot));
        if (!live(robot)) {
            WaitForAsyncUtils.waitForFxEvents();
            Path shot = Path.of("target", "screenshots", "console-first-sync.png");
            save(robot, shot);
            LOG.info("First sync photographed to {} at: {}", shot.toAbsolutePath(), text(robot, "#snapshotText"));
        }
        WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> live(robot));
        long liveMillis = (System.nanoTime() - signIn) / 1_000_000;
        LOG.info("Sign-in to live: {} ms; {} cases", liveMillis, caseCount);

        String total = NumberFormat.getIntegerInstance(Locale.SIMPLIFIED_CHINESE).format(caseCount);
        assertThat(barTexts).as("the bar's sentences").anySatisfy(t -> {
            Matcher m = PROGRESS.matcher(t);
            assertThat(m.matches()).as(t).isTrue();
            assertThat(m.group(2)).isEqualTo(total);
            assertThat(rowsOf(t)).isPositive();
            assertThat(m.group(3)).startsWith("约 ");
        });
        assertThat(barValues).as("the bar moves between 0 and 1").anySatisfy(v -> assertThat(v).isBetween(0.0, 1.0)
                .isPositive());
        assertThat(robot.lookup("#snapshotBanner").query().isVisible()).as("bar gone when live")
                .isFalse();

        // Every row the queue ever showed had names (class and place), never codes.
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT7).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !table(robot).getItems().isEmpty());
        LOG.info("Sign-in to the first rows (tab 全部): {} ms", firstRowsAtMillis - signIn / 1_000_000);
        assertThat(firstRowsAtMillis).as("the watch saw rows").isPositive();
        assertThat(codedRows).as("rows showing codes").isEmpty();
        assertThat(table(robot).getItems()).allSatisfy(r -> assertThat(r.category()).doesNotMatch(CODE));

        // One connection state: the footer agrees with the seat's status line.
        Label footer = robot.lookup("#statusLabel").queryAs(Label.class);
        assertThat(robot.lookup("#syncStatus").queryAs(Label.class).getText()).startsWith("实时同步中 · 最近事件 ");
        assertThat(footer.getText()).startsWith("已登录平台");
        assertThat(footer.getPseudoClassStates()).doesNotContain(PseudoClass.getPseudoClass("offline"));

        // The hotline form lists classes before anything is typed.
        robot.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#classes").tryQuery().isPresent());
        assertThat(robot.lookup("#classes").<ListView<?>>query().getItems()).isNotEmpty();
        robot.type(KeyCode.ESCAPE);

        aLetterNeverActsOnACaseThatLeftTheList(robot);
    }

    /** X highlighted and shown; a search leaves only Y; A (受理) must not accept X. */
    private void aLetterNeverActsOnACaseThatLeftTheList(FxRobot robot) throws Exception {
        String token = login("shift_leader");
        Cases.Case x = report(token, "测试 X 暴露垃圾");
        Cases.Case y = report(token, "测试 Y 暴露垃圾");
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table(robot).getItems().stream()
                .anyMatch(r -> r.id() == x.id()) && table(robot).getItems().stream().anyMatch(r -> r.id() == y.id()));
        robot.clickOn("#queueTable");
        int at = WaitForAsyncUtils.asyncFx(() -> {
            TableView<QueueRow> t = table(robot);
            int i = indexOf(t, x.id());
            t.getSelectionModel().clearAndSelect(i);
            t.requestFocus();
            return i;
        }).get(5, TimeUnit.SECONDS);
        assertThat(at).isNotNegative();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> text(robot, "#detailTitle").contains(x.caseNo()));

        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        robot.write(y.caseNo());
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> table(robot).getItems().size() == 1
                && table(robot).getItems().get(0).id() == y.id());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#detailTitle")).as("the detail left X with its row").doesNotContain(x.caseNo());
        robot.type(KeyCode.A);
        WaitForAsyncUtils.waitForFxEvents();
        // Then Y, highlighted and shown, is accepted: the outbox sends in order, so once Y's accept has reached
        // the platform, anything A had queued for X before it has too.
        WaitForAsyncUtils.asyncFx(() -> {
            table(robot).getSelectionModel().clearAndSelect(0);
            table(robot).requestFocus();
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> text(robot, "#detailTitle").contains(y.caseNo()));
        robot.type(KeyCode.A);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> "accepted".equals(detail(token, y.id()).state()));
        Cases.Case xNow = detail(token, x.id());
        assertThat(xNow.state()).as("X was not acted on").isEqualTo("reported");
        assertThat(xNow.version()).isEqualTo(x.version());
    }

    /**
     * Watches the seat's bar as soon as it is on screen: the seat's tab first holds a placeholder while the cache
     * opens off the FX thread, and the seat arrives into it a moment later.
     */
    private void watchOnceShown(Node content) {
        if (content.lookup("#snapshotText") instanceof Label text) {
            if (text.getProperties().putIfAbsent("watched", true) == null) {
                watch(content, text);
            }
        } else {
            Node holder = content.lookup("#seatHolder");
            javafx.scene.Parent parent = holder instanceof javafx.scene.Parent p ? p
                    : content instanceof javafx.scene.Parent p ? p : null;
            if (parent != null && parent.getProperties().putIfAbsent("awaited", true) == null) {
                parent.getChildrenUnmodifiable().addListener((ListChangeListener<Node>) c -> watchOnceShown(content));
            }
        }
    }

    private void watch(Node seat, Label text) {
        text.textProperty().addListener((o, a, t) -> barTexts.add(t));
        ProgressBar bar = (ProgressBar) seat.lookup("#snapshotBar");
        bar.progressProperty().addListener((o, a, v) -> barValues.add(v.doubleValue()));
    }

    /** From when the table is on screen (its split pane has no children before): every rows it is given. */
    private void watchRows(TableView<QueueRow> queue) {
        Runnable check = () -> {
            if (!queue.getItems().isEmpty() && firstRowsAtMillis < 0) {
                firstRowsAtMillis = System.nanoTime() / 1_000_000;
            }
            queue.getItems().stream().filter(r -> CODE.matcher(r.category()).matches())
                    .forEach(r -> codedRows.add(r.caseNo() + " " + r.category()));
        };
        queue.getItems().addListener((ListChangeListener<QueueRow>) c -> check.run());
        check.run();
    }

    private static long rowsOf(String text) {
        Matcher m = PROGRESS.matcher(text);
        return m.matches() ? Long.parseLong(m.group(1).replace(",", "")) : -1;
    }

    private static boolean live(FxRobot robot) {
        return robot.lookup("#syncStatus").tryQuery().map(n -> ((Label) n).getText().startsWith("实时同步中"))
                .orElse(false);
    }

    @SuppressWarnings("unchecked")
    private static TableView<QueueRow> table(FxRobot robot) {
        return robot.lookup("#queueTable").queryAs(TableView.class);
    }

    private static int indexOf(TableView<QueueRow> t, long id) {
        for (int i = 0; i < t.getItems().size(); i++) {
            if (t.getItems().get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void fillScreen(FxRobot robot) throws Exception {
        javafx.stage.Window window = robot.listTargetWindows().stream().filter(javafx.stage.Window::isShowing)
                .findFirst().orElseThrow();
        javafx.geometry.Rectangle2D screen = Screen.getPrimary().getBounds();
        WaitForAsyncUtils.asyncFx(() -> {
            window.setX(screen.getMinX());
            window.setY(screen.getMinY());
            window.setWidth(screen.getWidth());
            window.setHeight(screen.getHeight());
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The primary screen as a PNG (JavaFX's robot, converted by hand: no javafx-swing here). */
    private static void save(FxRobot robot, Path file) throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> new javafx.scene.robot.Robot()
                .getScreenCapture(null, Screen.getPrimary().getBounds())).get(10, TimeUnit.SECONDS);
        PixelReader pixels = image.getPixelReader();
        BufferedImage out = new BufferedImage((int) image.getWidth(), (int) image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(out, "png", file.toFile());
    }

    private final HttpClient http = HttpClient.newHttpClient();

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + platform.port() + path);
    }

    private String login(String user) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        new Auth.LoginRequest(user, PlatformServer.DEMO_PASSWORD)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readValue(r.body(), Auth.LoginResponse.class).token();
    }

    private Cases.Case report(String token, String description) throws Exception {
        Cases.NewCase order = new Cases.NewCase("hotline_12319", "event", "06", "06010", 113.93, 35.30,
                "新乡市红旗区平原路 " + description, description, "normal", "张三", "13812345678", null, false);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/api/v1/cases"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(order))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readValue(r.body(), Cases.Case.class);
    }

    private Cases.Case detail(String token, long id) throws java.io.IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/api/v1/cases/" + id))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readValue(r.body(), Cases.CaseDetail.class).item();
    }
}
