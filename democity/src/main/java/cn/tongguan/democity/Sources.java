package cn.tongguan.democity;

import java.util.SplittableRandom;

/**
 * The channels cases come from, in the seed's mix: hotline counts as Xinxiang reported them
 * (12319 ≈ 18,803, 12345 ≈ 22,951 in two years), the rest mostly inspectors' patrols (on foot, by car
 * and drone) and video patrol.
 */
final class Sources {
    static final int HOTLINE_12319 = 18_803;
    static final int HOTLINE_12345 = 22_951;
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"};

    private final double p12319;
    private final double p12345;

    Sources() {
        p12319 = (double) HOTLINE_12319 / CaseHistoryGenerator.CASES;
        p12345 = (double) HOTLINE_12345 / CaseHistoryGenerator.CASES;
    }

    String pick(SplittableRandom random) {
        double r = random.nextDouble();
        if (r < p12319) {
            return "hotline_12319";
        }
        r -= p12319;
        if (r < p12345) {
            return "hotline_12345";
        }
        r -= p12345;
        double rest = 1 - p12319 - p12345;
        double u = r / rest;
        return u < 0.66 ? "inspector" : u < 0.90 ? "video_ai" : u < 0.93 ? "iot" : u < 0.985 ? "public" : "superior";
    }

    /** Seconds after midnight: patrol and office hours dominate, hotlines and cameras also at night. */
    static long secondOfDay(SplittableRandom random) {
        double r = random.nextDouble();
        double hour;
        if (r < 0.42) {
            hour = 8 + random.nextDouble() * 4;        // morning patrol
        } else if (r < 0.80) {
            hour = 14 + random.nextDouble() * 4;       // afternoon patrol
        } else if (r < 0.95) {
            hour = 18 + random.nextDouble() * 5;       // evening: barbecues, street stalls, hotlines
        } else {
            hour = random.nextDouble() * 8;            // night: cameras and sensors
        }
        return (long) (hour * 3600);
    }

    static String reporterName(SplittableRandom random) {
        return SURNAMES[random.nextInt(SURNAMES.length)] + (random.nextBoolean() ? "先生" : "女士");
    }

    static String reporterPhone(SplittableRandom random) {
        return "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000));
    }
}
