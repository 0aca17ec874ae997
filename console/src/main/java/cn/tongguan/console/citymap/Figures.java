package cn.tongguan.console.citymap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Open cases per division, grid and part, and the red ones, counted once per load of the cases. */
record Figures(Map<String, long[]> byCode, Map<String, List<String>> byPart) {
    static Figures of(List<CaseMark> marks) {
        Map<String, long[]> by = new HashMap<>();
        Map<String, List<String>> parts = new HashMap<>();
        for (CaseMark m : marks) {
            boolean red = "red".equals(m.light());
            for (String key : new String[] {"district:" + m.districtCode(), "street:" + m.streetCode(),
                    "community:" + m.communityCode(), "grid:" + m.gridCode()}) {
                long[] n = by.computeIfAbsent(key, k -> new long[2]);
                n[0]++;
                n[1] += red ? 1 : 0;
            }
            if (m.partCode() != null) {
                parts.computeIfAbsent(m.partCode(), k -> new ArrayList<>()).add(m.caseNo());
            }
        }
        return new Figures(by, parts);
    }

    long count(String level, String code) {
        return get(level, code, long[]::clone)[0];
    }

    long red(String level, String code) {
        return get(level, code, long[]::clone)[1];
    }

    private long[] get(String level, String code, Function<long[], long[]> copy) {
        long[] n = byCode.get(level + ":" + code);
        return n == null ? new long[2] : copy.apply(n);
    }

    List<String> onPart(String code) {
        return byPart.getOrDefault(code, List.of());
    }
}
