package cn.tongguan.democity.sim;

import cn.tongguan.api.Cases;
import cn.tongguan.api.Events;
import cn.tongguan.api.Reference;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A living city on top of the platform, through its public API only: inspectors and hotlines report,
 * the seat accepts and files, the dispatcher dispatches, departments handle and feed back, inspectors
 * check, the shift leader closes; gauges report water depth for the chosen weather and smart covers their
 * heartbeats, batteries and incidents ({@link LifelineFeeds}); cameras drop out and come back. {@code speed} compresses time (60 = an hour a minute). Call {@link #tick} from one thread.
 */
public final class LiveSimulator {
    private static final Logger LOG = LoggerFactory.getLogger(LiveSimulator.class);
    public static final String PASSWORD = "Sim-Tongguan-2026";
    private static final double CASES_PER_DAY = 1_250;

    private final Map<String, PlatformApi> actors = new HashMap<>();
    private final Map<String, PlatformApi> departments = new HashMap<>();
    private final SimRoles roles;
    private final SplittableRandom random;
    private final double speed;
    private final List<Reference.Part> sites = new ArrayList<>();
    private final List<Reference.Category> categories = new ArrayList<>();
    private final LifelineFeeds lifeline;
    private final List<Reference.Camera> cameras = new ArrayList<>();
    private final Map<Long, Instant> due = new HashMap<>();
    private final Map<String, Instant> camerasBack = new HashMap<>();
    /**
     * The seats work on what is current: cases reported from two days before the simulator started. Old
     * cases parked in the history (挂账, long overdue) stay as they are, as in a real hall.
     */
    private final Instant workFrom;
    private final Clock clock;
    private double simulatedHours;
    private double reportBacklog;
    private long actions;

    public LiveSimulator(URI platform, String adminUser, String adminPassword, double speed, Weather weather, long seed,
                         Clock clock) throws IOException {
        this.clock = clock;
        this.workFrom = clock.instant().minus(Duration.ofDays(2));
        HttpClient http = PlatformApi.newHttpClient();
        this.speed = speed;
        this.random = new SplittableRandom(seed);
        PlatformApi admin = PlatformApi.login(http, platform, adminUser, adminPassword);
        this.roles = new SimRoles(admin);
        for (String role : SimRoles.CASE_ROLES) {
            actors.put(role, PlatformApi.login(http, platform, roles.ensureUser(role, null), PASSWORD));
        }
        List<Reference.Department> all = admin.departments();
        roles.departments(all);
        for (Reference.Department d : all) {
            departments.put(d.code(), PlatformApi.login(http, platform, roles.ensureUser("department", d.code()), PASSWORD));
        }
        PlatformApi reader = actors.get("operator");
        reader.categories().stream().filter(c -> "small".equals(c.level())).forEach(categories::add);
        // Report sites: parts from small boxes across the urban core (a city-wide box would ask the
        // platform to sort hundreds of thousands of parts).
        for (int i = 0; i < 40 && sites.size() < 3_000; i++) {
            double lng = 113.80 + random.nextDouble() * 0.19;
            double lat = 35.24 + random.nextDouble() * 0.17;
            sites.addAll(reader.parts(lng, lat, lng + 0.008, lat + 0.008));
        }
        List<Reference.Sensor> sensors = reader.sensors();
        List<Reference.Sensor> gauges = sensors.stream().filter(s -> !"manhole".equalsIgnoreCase(s.kind())).toList();
        List<Reference.Sensor> covers = sensors.stream().filter(s -> "manhole".equalsIgnoreCase(s.kind())).toList();
        lifeline = new LifelineFeeds(roles.admin(), weather, random, gauges, covers, clock);
        cameras.addAll(reader.cameras());
        if (sites.isEmpty() || categories.isEmpty()) {
            throw new IOException("the platform has no parts or categories: load the demo city first");
        }
        LOG.info("simulator ready: {} report sites, {} categories, {} departments, {} gauges, {} covers, {} cameras, speed ×{}",
                sites.size(), categories.size(), departments.size(), gauges.size(), covers.size(), cameras.size(), speed);
    }

    /** Advances the city by {@code wall} of real time. */
    public void tick(Duration wall) {
        double hours = wall.toMillis() / 3_600_000.0 * speed;
        simulatedHours += hours;
        try {
            report(hours);
            work();
            actions += lifeline.tick(simulatedHours, hours);
            cameras();
        } catch (IOException e) {
            LOG.warn("simulator step failed: {}", e.getMessage());
        }
    }

    public long actions() {
        return actions;
    }

    private void report(double hours) throws IOException {
        reportBacklog += CASES_PER_DAY / 24 * hours;
        while (reportBacklog >= 1) {
            reportBacklog--;
            Reference.Part site = sites.get(random.nextInt(sites.size()));
            Reference.Category category = categories.get(random.nextInt(categories.size()));
            double r = random.nextDouble();
            String source = r < 0.02 ? "hotline_12319" : r < 0.045 ? "hotline_12345" : r < 0.25 ? "video_ai" : "inspector";
            boolean part = "part".equals(category.kind());
            String role = "inspector".equals(source) ? "inspector" : "operator";
            // Said where people say it: at the part's road and door number (平原路128号), when the platform knows them.
            String address = site.road() == null || site.doorNumber() == null ? null : site.road() + site.doorNumber() + "号";
            actors.get(role).report(new Cases.NewCase(source, category.kind(), category.parentCode(), category.code(),
                    site.lng(), site.lat(), address, part ? "部件异常：" + category.name() + (address == null ? "" : "（" + address + "）")
                    : (address == null ? "" : address + "附近") + "发现" + category.name(), "normal",
                    role.equals("operator") ? "市民" : null, role.equals("operator") ? "13800000000" : null,
                    null, false));
            actions++;
        }
    }

    /** Each role takes the cases waiting for it once their (simulated) handling time has passed. */
    private void work() throws IOException {
        Instant now = clock.instant();
        java.util.Set<Long> waiting = new java.util.HashSet<>();
        for (SimRoles.Step step : SimRoles.STEPS) {
            boolean department = "department".equals(step.role());
            // Departments see only their own cases: the dispatcher's view finds the work, the department does it.
            PlatformApi lister = actors.get(department ? "dispatcher" : step.role());
            for (Cases.Case c : lister.cases(step.state(), workFrom, 100)) {
                PlatformApi actor = department ? departments.get(c.departmentCode()) : lister;
                if (actor == null) {
                    continue;
                }
                waiting.add(c.id());
                Instant when = due.computeIfAbsent(c.id(), id -> now.plusMillis(
                        (long) (step.minutes() * (0.5 + random.nextDouble()) * 60_000 / speed)));
                if (when.isAfter(now)) {
                    continue;
                }
                String action = step.action(c, random);
                String dept = "dispatch".equals(action) ? roles.route(c) : null;
                try {
                    actor.transition(c.id(), new Cases.Transition(action, c.version(), null, dept, null));
                    actions++;
                } catch (PlatformApi.ApiFailure e) {
                    LOG.debug("case {} {}: {}", c.caseNo(), action, e.getMessage());
                }
                due.remove(c.id());
            }
        }
        // Cases someone else moved on (a seat at the console) are no longer waiting: forget them, so that a
        // simulator left running for days does not keep every case it ever saw.
        due.keySet().retainAll(waiting);
    }

    private void cameras() throws IOException {
        PlatformApi admin = roles.admin();
        Instant now = clock.instant();
        for (var it = camerasBack.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (e.getValue().isBefore(now)) {
                admin.cameraStatus(new Events.CameraStatus(e.getKey(), "online"));
                it.remove();
            }
        }
        if (!cameras.isEmpty() && random.nextDouble() < 0.05) {
            Reference.Camera camera = cameras.get(random.nextInt(cameras.size()));
            if (!camerasBack.containsKey(camera.id())) {
                admin.cameraStatus(new Events.CameraStatus(camera.id(), "offline"));
                camerasBack.put(camera.id(), now.plusSeconds(30 + random.nextInt(120)));
            }
        }
    }
}
