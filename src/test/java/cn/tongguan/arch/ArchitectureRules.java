package cn.tongguan.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * The project's architecture rules (DEVELOPERS.md, "Dependency rule"). Package patterns use {@code ..tongguan.}
 * so that the same rules can be shown to fail on the deliberate violations under {@code fixture.cn.tongguan}.
 */
final class ArchitectureRules {
    private ArchitectureRules() {
    }

    static final ArchRule COMPONENTS_KNOW_NOTHING_OF_THE_SYSTEM = noClasses()
            .that().resideInAnyPackage("..tongguan.map..", "..tongguan.video..")
            .should().dependOnClassesThat().resideInAnyPackage("..tongguan.api..", "..tongguan.platform..", "..tongguan.console..")
            .because("map-layers and video are reusable components (design.md, Modules)");

    static final ArchRule REPORTS_KNOW_NOTHING_OF_THE_SYSTEM = noClasses()
            .that().resideInAPackage("..tongguan.reports..")
            .should().dependOnClassesThat().resideInAnyPackage("..tongguan.api..", "..tongguan.platform..", "..tongguan.console..")
            .because("the report renderer takes its own model; the platform maps its data into it (ADR 0071)");

    static final ArchRule API_DEPENDS_ON_NOTHING_OF_OURS = noClasses()
            .that().resideInAPackage("..tongguan.api..")
            .should().dependOnClassesThat().resideInAnyPackage("..tongguan.platform..", "..tongguan.console..",
                    "..tongguan.map..", "..tongguan.video..")
            .because("api is the wire contract that both platform and console depend on");

    static final ArchRule PLATFORM_AND_CONSOLE_MEET_ONLY_IN_API = noClasses()
            .that().resideInAPackage("..tongguan.platform..")
            .should().dependOnClassesThat().resideInAPackage("..tongguan.console..")
            .orShould().dependOnClassesThat().resideInAnyPackage("..tongguan.map..", "..tongguan.video..")
            .because("the platform is a server: it knows only the wire contract");

    static final ArchRule CONSOLE_DOES_NOT_REACH_INTO_THE_PLATFORM = noClasses()
            .that().resideInAPackage("..tongguan.console..")
            .should().dependOnClassesThat().resideInAPackage("..tongguan.platform..")
            .because("the console talks to the platform over HTTP only");

    static final ArchRule DEMO_CITY_IS_A_PLATFORM_CLIENT = noClasses()
            .that().resideInAPackage("..tongguan.democity..")
            .should().dependOnClassesThat().resideInAnyPackage("..tongguan.console..", "..tongguan.map..", "..tongguan.video..")
            .because("the demo city fills and drives the platform; it knows nothing of the console");

    static final ArchRule NO_JAVAFX_OUTSIDE_THE_UI = noClasses()
            .that().resideInAnyPackage("..tongguan.api..", "..tongguan.platform..", "..tongguan.democity..",
                    "..tongguan.console.sync..", "..tongguan.console.cache..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the wire contract, the server and the console's sync/cache must run without a toolkit");

    static final ArchRule SLF4J_ONLY = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("java.util.logging..", "org.apache.log4j..",
                    "org.apache.logging.log4j..", "org.apache.commons.logging..", "org.tinylog..")
            .because("all logging goes through SLF4J");

    static final ArchRule NO_STANDARD_STREAMS = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
            .because("use SLF4J, never System.out/System.err or printStackTrace");

    /**
     * The composition roots of the executables: the only classes that may read the machine's clock (to hand it
     * on as a {@link java.time.Clock}), zone or locale. Inner classes and lambdas of a root count as the root.
     */
    static final List<String> COMPOSITION_ROOTS = List.of("cn.tongguan.console.app.ConsoleApp",
            "cn.tongguan.platform.PlatformMain", "cn.tongguan.democity.DemoCityMain",
            "cn.tongguan.video.harness.WallHarnessApp");

    private static final DescribedPredicate<JavaClass> A_COMPOSITION_ROOT = DescribedPredicate.describe(
            "a composition root", c -> COMPOSITION_ROOTS.stream().anyMatch(root -> c.getName().equals(root)
                    || c.getName().startsWith(root + "$")));

    static final ArchRule TIME_IS_INJECTED = noClasses()
            .that(DescribedPredicate.not(A_COMPOSITION_ROOT))
            .should().callMethod(java.time.Clock.class, "systemUTC")
            .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
            .orShould().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.time.LocalDate.class, "now")
            .orShould().callMethod(java.time.LocalTime.class, "now")
            .orShould().callMethod(java.time.LocalDateTime.class, "now")
            .orShould().callMethod(java.time.ZonedDateTime.class, "now")
            .orShould().callMethod(java.time.OffsetDateTime.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(java.time.ZoneId.class, "systemDefault")
            .orShould().callMethod(java.util.TimeZone.class, "getDefault")
            .orShould().callMethod(java.util.Locale.class, "getDefault")
            .because("time, zone and locale are injected (a java.time.Clock from the composition root), so the same "
                    + "build behaves the same at any hour on any machine (ADR 0019)");

    static final ArchRule VIEW_MODELS_USE_NO_CONTROLS = noClasses()
            .that().resideInAPackage("..tongguan.console..")
            .and(JavaClass.Predicates.simpleNameEndingWith("ViewModel")
                    .or(JavaClass.Predicates.simpleNameEndingWith("Presenter")))
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
            .because("a view model (and a presenter that drives view models, ADR 0144) is tested without the toolkit: "
                    + "properties and collections, never nodes (MVVM, issue 20)");

    static final ArchRule VIEWS_DO_NOT_TOUCH_SYNC_OR_CACHE = noClasses()
            .that().resideInAPackage("..tongguan.console..").and().haveSimpleNameEndingWith("View")
            .should().dependOnClassesThat().resideInAnyPackage("..tongguan.console.sync..", "..tongguan.console.cache..")
            .because("a view shows what its view model holds; data comes and goes through the view model (issue 20)");

    static final ArchRule MAP_INTERNALS_STAY_INSIDE = noClasses()
            .that().resideOutsideOfPackage("..tongguan.map..")
            .should().dependOnClassesThat().resideInAPackage("..tongguan.map.internal..")
            .because("map-layers' renderer is its own business; others use its public API (issue 20)");

    /**
     * Where threads are made: the executables' composition roots (the console's pools, the platform's server and
     * main, the demo city), the harness and the camera simulator (test tools shipped for the hall's rehearsals), and
     * those that own one thread for their lifetime, each with its reason. Everything else takes an Executor.
     */
    static final Map<String, String> THREAD_OWNERS = Map.ofEntries(
            Map.entry("cn.tongguan.console.app.ConsoleComposition", "composition root: the console's pools"),
            Map.entry("cn.tongguan.console.app.WallComposition", "composition root of the wall"),
            Map.entry("cn.tongguan.platform.PlatformServer", "composition root: the server's workers"),
            Map.entry("cn.tongguan.platform.PlatformMain", "composition root: the report scheduler, shutdown hook"),
            Map.entry("cn.tongguan.democity.DemoCityMain", "composition root of the demo city"),
            Map.entry("cn.tongguan.video.harness.WallHarnessApp", "the video harness's own composition root"),
            Map.entry("cn.tongguan.video.sim.CameraSimulator", "simulator: one reader per ffmpeg process it starts"),
            Map.entry("cn.tongguan.console.sync.SnapshotLoader", "the snapshot's writer runs beside the reader for one "
                    + "load of up to a million rows; on the console's two-thread pool it would hold one for minutes"),
            Map.entry("cn.tongguan.platform.events.EventStream", "one blocking writer per SSE subscriber, as many as "
                    + "there are subscribers: a connection's thread, not shared work"),
            Map.entry("cn.tongguan.platform.health.HealthChecks", "a probe that hangs on a dead database must not take "
                    + "a thread another part needs; its pool is the probe's alone"),
            Map.entry("cn.tongguan.platform.storage.ClusterLink", "the leader lock's connection loop, for the "
                    + "database's lifetime"),
            Map.entry("cn.tongguan.platform.storage.GroupCommit", "the flusher waits on the commit queue's monitor for "
                    + "the database's lifetime"));

    private static final DescribedPredicate<JavaClass> A_THREAD_OWNER = DescribedPredicate.describe(
            "a composition root or a listed thread owner", c -> THREAD_OWNERS.keySet().stream()
                    .anyMatch(owner -> c.getName().equals(owner) || c.getName().startsWith(owner + "$")));

    private static final DescribedPredicate<JavaCall<?>> MAKES_A_THREAD = DescribedPredicate.describe(
            "makes a thread or a pool", call -> {
                JavaClass owner = call.getTargetOwner();
                String name = call.getTarget().getName();
                boolean constructor = JavaConstructor.CONSTRUCTOR_NAME.equals(name);
                return constructor && (owner.isAssignableTo(Thread.class) || owner.isAssignableTo(ExecutorService.class))
                        || owner.isEquivalentTo(Executors.class) && name.startsWith("new")
                        || owner.isEquivalentTo(Thread.class) && Set.of("ofPlatform", "ofVirtual",
                                "startVirtualThread").contains(name)
                        || owner.isAssignableTo(ThreadFactory.class) && "newThread".equals(name)
                        // Without an executor these run on the JVM's common pool: a thread nobody injected.
                        || owner.isEquivalentTo(CompletableFuture.class) && Set.of("runAsync", "supplyAsync")
                                .contains(name) && call.getTarget().getRawParameterTypes().size() == 1;
            });

    static final ArchRule THREADS_ONLY_IN_COMPOSITION_ROOTS = noClasses()
            .that(DescribedPredicate.not(A_THREAD_OWNER))
            .should().callCodeUnitWhere(MAKES_A_THREAD)
            .because("background work goes through the injected Executor, so a test can run it and a bench count it; "
                    + "only composition roots and the listed owners make threads (issue 20)");

    static final List<ArchRule> ALL = List.of(COMPONENTS_KNOW_NOTHING_OF_THE_SYSTEM, REPORTS_KNOW_NOTHING_OF_THE_SYSTEM, API_DEPENDS_ON_NOTHING_OF_OURS,
            PLATFORM_AND_CONSOLE_MEET_ONLY_IN_API, CONSOLE_DOES_NOT_REACH_INTO_THE_PLATFORM, DEMO_CITY_IS_A_PLATFORM_CLIENT, NO_JAVAFX_OUTSIDE_THE_UI,
            SLF4J_ONLY, NO_STANDARD_STREAMS, TIME_IS_INJECTED, VIEW_MODELS_USE_NO_CONTROLS, VIEWS_DO_NOT_TOUCH_SYNC_OR_CACHE,
            MAP_INTERNALS_STAY_INSIDE, THREADS_ONLY_IN_COMPOSITION_ROOTS);
}
