package cn.tongguan.democity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Two years of cases: about 910,000, with the seed's channel mix (12319 ≈ 18,803, 12345 ≈ 22,951, the rest
 * inspector patrol, video patrol, IoT, public, superior) and outcomes calibrated to 处置率 96.9 % and
 * 结案率 96.93 %. Cases are produced in report order, each from its own random stream, so that the history
 * is streamed (never held whole in memory) and identical for the same seed.
 */
public final class CaseHistoryGenerator {
    public static final int CASES = 910_000;
    public static final double DISPOSAL_RATE = 0.969;
    public static final double CLOSURE_RATE = 0.9693;
    public static final int DIFFICULT = 108;
    public static final int DIFFICULT_ASSIGNED = 103;
    private static final DateTimeFormatter CASE_DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final DemoCity city;
    private final DeadlineCalendar calendar;
    private final CaseVolume volume;
    private final Instant end;
    private final long seed;
    private final List<CaseCategory> categories;
    private final double[] categoryCumulative;
    private final CaseRouter router;
    private final CaseScripts scripts;
    private final Sources sources;
    private double stuckProbability;
    private int difficultLeft;

    public CaseHistoryGenerator(DemoCity city, List<CaseCategory> categories, DeadlineCalendar calendar,
                                LocalDate firstDay, Instant end, int total, long seed) {
        this.city = city;
        this.calendar = calendar;
        this.end = end;
        this.seed = seed;
        this.categories = categories;
        // History runs up to {@code end}; the day holding its last instant is the last day of the volume.
        this.volume = new CaseVolume(firstDay, end.minusNanos(1).atZone(CaseVolume.ZONE).toLocalDate().plusDays(1), total);
        this.categoryCumulative = new double[categories.size()];
        double sum = 0;
        for (int i = 0; i < categories.size(); i++) {
            sum += categories.get(i).weight();
            categoryCumulative[i] = sum;
        }
        this.router = new CaseRouter(city.departments());
        this.scripts = new CaseScripts(calendar);
        this.sources = new Sources();
    }

    /**
     * Streams every case to {@code sink} in report order. A first, cheap pass counts how many cases the
     * natural course leaves undisposed, so that the second can park just enough old ones (挂账, overdue) to
     * land on the seed's 处置率.
     */
    public void generate(Consumer<HistoricCase> sink) {
        generate(sink, planned -> { });
    }

    /** As {@link #generate(Consumer)}; {@code planning} hears how many cases the first pass has counted so far. */
    public void generate(Consumer<HistoricCase> sink, java.util.function.LongConsumer planning) {
        long[] seen = {0};
        long[] counts = new long[4]; // dispatched, disposed, should close (filed, not void), closed
        long[] eligible = new long[1];
        stuckProbability = 0;
        forEachCase(c -> {
            planning.accept(++seen[0]);
            if (c.at("dispatch") != null) {
                counts[0]++;
                if (c.disposedAt() != null) {
                    counts[1]++;
                    if (c.reportedAt().isBefore(end.minus(Duration.ofDays(30)))) {
                        eligible[0]++;
                    }
                }
            }
            if (c.at("file") != null && !"void".equals(c.state())) {
                counts[2]++;
                if ("closed".equals(c.state())) {
                    counts[3]++;
                }
            }
        });
        // Each parked case lowers both 处置率 and 结案率 by one case; park K so that their mean lands on
        // the mean of the seed's two rates (they differ by the cases still between feedback and closing).
        double target = DISPOSAL_RATE + CLOSURE_RATE;
        double dispatched = Math.max(1, counts[0]);
        double shouldClose = Math.max(1, counts[2]);
        double k = (counts[1] / dispatched + counts[3] / shouldClose - target) / (1 / dispatched + 1 / shouldClose);
        stuckProbability = Math.max(0, k / Math.max(1, eligible[0]));
        difficultLeft = DIFFICULT;
        forEachCase(sink);
    }

    private void forEachCase(Consumer<HistoricCase> sink) {
        difficultLeft = DIFFICULT;
        for (int d = 0; d < volume.days(); d++) {
            LocalDate day = volume.day(d);
            SplittableRandom dayRandom = new SplittableRandom(seed * 1_000_003L + d);
            int n = volume.count(d);
            long[] seconds = new long[n];
            Instant midnight = day.atStartOfDay(CaseVolume.ZONE).toInstant();
            long available = Math.min(86_400, Duration.between(midnight, end).toSeconds());
            for (int i = 0; i < n; i++) {
                seconds[i] = Sources.secondOfDay(dayRandom);
                // On the last, unfinished day the cases so far fall into the hours that have passed.
                if (seconds[i] >= available) {
                    seconds[i] = (long) (dayRandom.nextDouble() * available);
                }
            }
            java.util.Arrays.sort(seconds);
            for (int i = 0; i < n; i++) {
                Instant reported = midnight.plusSeconds(seconds[i]);
                long index = volume.firstIndex(d) + i;
                String caseNo = day.format(CASE_DAY) + String.format("%06d", i + 1);
                sink.accept(build(index, caseNo, reported, new SplittableRandom(seed ^ (index * 0x9E3779B97F4A7C15L))));
            }
        }
    }

    private HistoricCase build(long index, String caseNo, Instant reported, SplittableRandom random) {
        String source = sources.pick(random);
        CaseCategory category = category(random);
        boolean urgent = random.nextDouble() < 0.06;
        Part site = site(category, random);
        String gridCode = site.gridCode();
        String community = gridCode.substring(0, 12);
        String street = gridCode.substring(0, 9);
        String district = gridCode.substring(0, 6);
        String department = router.route(category.smallCode(), street, district);
        double jitter = "part".equals(category.kind()) ? 0 : 3;
        double x = site.x() + (random.nextDouble() - 0.5) * jitter;
        double y = site.y() + (random.nextDouble() - 0.5) * jitter;
        boolean old = reported.isBefore(end.minus(Duration.ofDays(30)));
        CaseScript.Fate fate = CaseScript.Fate.NORMAL;
        if (old && stuckProbability > 0 && random.nextDouble() < stuckProbability) {
            fate = random.nextDouble() < 0.7 ? CaseScript.Fate.STUCK_SUSPENDED : CaseScript.Fate.STUCK_HANDLING;
        }
        int amount = urgent ? category.urgentLimit() : category.limit();
        String unit = urgent ? category.urgentUnit() : category.unit();
        CaseScript script = scripts.play(random, reported, end, source, department, router.fallback(district),
                amount, unit, fate);
        boolean difficult = fate == CaseScript.Fate.STUCK_SUSPENDED && difficultLeft > 0 && random.nextDouble() < 0.008
                && "suspended".equals(script.steps().get(script.steps().size() - 1).toState());
        if (difficult) {
            difficultLeft--;
        }
        boolean hotline = source.startsWith("hotline") || "public".equals(source);
        String lastDepartment = script.back > 0 ? router.fallback(district) : department;
        return new HistoricCase(index + 1, caseNo, source, category.kind(), category.bigCode(), category.smallCode(),
                city.projection().lng(x), city.projection().lat(y), district, street, community, gridCode,
                "part".equals(category.kind()) ? site.code() : null, site.address(),
                describe(category, site.address(), source), urgent ? "urgent" : "normal",
                hotline ? Sources.reporterName(random) : null, hotline ? Sources.reporterPhone(random) : null,
                script.deadline == null ? null : lastDepartment, amount, unit, script.deadline, script.rework,
                script.back, script.extension, difficult, difficult && difficultLeft >= DIFFICULT - DIFFICULT_ASSIGNED,
                List.copyOf(script.steps()));
    }

    private CaseCategory category(SplittableRandom random) {
        double target = random.nextDouble() * categoryCumulative[categoryCumulative.length - 1];
        int i = java.util.Arrays.binarySearch(categoryCumulative, target);
        return categories.get(i >= 0 ? i : Math.min(-i - 1, categories.size() - 1));
    }

    /** A part of that class for 部件 cases; for events any part stands for a spot on a street. */
    private Part site(CaseCategory category, SplittableRandom random) {
        List<Part> parts = city.parts();
        if ("part".equals(category.kind())) {
            for (int attempt = 0; attempt < 400; attempt++) {
                Part p = parts.get(random.nextInt(parts.size()));
                if (p.classCode().equals(category.smallCode())) {
                    return p;
                }
            }
        }
        return parts.get(random.nextInt(parts.size()));
    }

    /** Said as people say it: at a road and door number (平原路128号). */
    private static String describe(CaseCategory category, String where, String source) {
        return switch (source) {
            case "video_ai" -> "视频轮巡发现" + where + "附近" + category.name();
            case "hotline_12319", "hotline_12345", "public" -> "市民反映" + where + "附近" + category.name() + "，请尽快处理";
            case "iot" -> "物联感知告警：" + where + category.name();
            default -> where + "附近发现" + category.name();
        };
    }

}
