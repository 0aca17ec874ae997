package cn.tongguan.console.queue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A seat's saved queue filter as it is kept in the cache (a small JSON object of codes), so that a filter saved by an
 * older console still reads: unknown keys are ignored, missing ones mean "all".
 */
record SavedFilter(String source, String district, String bigClass, String grid, String department, String light,
                   String text, QueueQuery.Sort sort) {
    String json(ObjectMapper json) throws IOException {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("source", source);
        f.put("district", district);
        f.put("class", bigClass);
        f.put("grid", grid);
        f.put("department", department);
        f.put("light", light);
        f.put("text", text);
        f.put("sort", sort.name());
        return json.writeValueAsString(f);
    }

    static SavedFilter parse(ObjectMapper json, String text) throws IOException {
        Map<String, String> f = json.readValue(text, new TypeReference<Map<String, String>>() { });
        return new SavedFilter(f.get("source"), f.get("district"), f.get("class"), blank(f.get("grid")),
                f.get("department"), f.get("light"), blank(f.get("text")),
                f.get("sort") == null ? QueueQuery.Sort.REPORTED_DESC : QueueQuery.Sort.valueOf(f.get("sort")));
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }
}
