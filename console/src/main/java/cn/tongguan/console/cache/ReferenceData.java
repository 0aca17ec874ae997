package cn.tongguan.console.cache;

import cn.tongguan.api.Failures;
import cn.tongguan.api.Json;
import cn.tongguan.api.Reference;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names of codes (categories, departments, divisions) and the department suggested for a case, read from the
 * reference JSON the sync engine keeps in the cache. Immutable: load a new one after a sync.
 */
public final class ReferenceData {
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceData.class);

    private final Map<String, String> categoryNames = new HashMap<>();
    private final Map<String, String> bigClasses = new java.util.TreeMap<>();
    private final Map<String, String> divisionNames = new HashMap<>();
    private final List<Reference.Department> departments;
    private final List<Reference.Category> smallClasses;

    private ReferenceData(List<Reference.Category> categories, List<Reference.Department> departments,
                          List<Reference.DivisionNode> divisions) {
        categories.forEach(c -> categoryNames.put(c.code(), c.name()));
        categories.stream().filter(c -> "big".equals(c.level())).forEach(c -> bigClasses.put(c.code(), c.name()));
        this.departments = List.copyOf(departments);
        this.smallClasses = categories.stream().filter(c -> "small".equals(c.level())).toList();
        addDivisions(divisions);
    }

    public static ReferenceData empty() {
        return new ReferenceData(List.of(), List.of(), List.of());
    }

    /**
     * Whether {@code json} is a usable list of {@code kind} (categories, departments, divisions): it parses into
     * the contract's records, is not empty, and every entry has a code and a name.
     */
    public static boolean sane(String kind, String json) {
        ObjectMapper mapper = Json.newMapper();
        try {
            List<?> items = switch (kind) {
                case "categories" -> mapper.readValue(json, new TypeReference<List<Reference.Category>>() { });
                case "departments" -> mapper.readValue(json, new TypeReference<List<Reference.Department>>() { });
                case "divisions" -> mapper.readValue(json, new TypeReference<List<Reference.DivisionNode>>() { });
                default -> throw new IllegalArgumentException("no reference list " + kind);
            };
            return !items.isEmpty() && items.stream().allMatch(ReferenceData::named);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Reference list {} refused: {}", kind, e.toString(), Failures.bug(e));
            return false;
        }
    }

    private static boolean named(Object item) {
        if (item instanceof Reference.DivisionNode d) {
            return d.code() != null && !d.code().isBlank() && d.name() != null && !d.name().isBlank();
        }
        if (item instanceof Reference.Department d) {
            return !d.code().isBlank() && !d.name().isBlank();
        }
        return item instanceof Reference.Category c && !c.code().isBlank() && !c.name().isBlank();
    }

    public static ReferenceData load(CacheMeta meta) {
        ObjectMapper json = Json.newMapper();
        try {
            return new ReferenceData(
                    read(json, meta.reference("categories"), new TypeReference<List<Reference.Category>>() { }),
                    read(json, meta.reference("departments"), new TypeReference<List<Reference.Department>>() { }),
                    read(json, meta.reference("divisions"), new TypeReference<List<Reference.DivisionNode>>() { }));
        } catch (IOException e) {
            LOG.warn("Reference data in the cache cannot be read: {}", e.toString());
            return empty();
        }
    }

    private static <T> List<T> read(ObjectMapper json, Optional<String> text, TypeReference<List<T>> type)
            throws IOException {
        return text.isEmpty() ? List.of() : json.readValue(text.get(), type);
    }

    private void addDivisions(List<Reference.DivisionNode> nodes) {
        if (nodes == null) {
            return;
        }
        for (Reference.DivisionNode n : nodes) {
            divisionNames.put(n.code(), n.name());
            addDivisions(n.children());
        }
    }

    /** Every small class (小类), for pickers. */
    public List<Reference.Category> smallClasses() {
        return smallClasses;
    }

    public String categoryName(String code) {
        return code == null ? "" : categoryNames.getOrDefault(code, code);
    }

    public String divisionName(String code) {
        return code == null ? "" : divisionNames.getOrDefault(code, code);
    }

    public String departmentName(String code) {
        if (code == null) {
            return "";
        }
        return departments.stream().filter(d -> d.code().equals(code)).map(Reference.Department::name).findFirst()
                .orElse(code);
    }

    public List<Reference.Department> departments() {
        return departments;
    }

    /** Big classes (大类, code → name) for the queue's filter, in code order. */
    public Map<String, String> bigClasses() {
        return bigClasses;
    }

    /** Districts (code → name) for the queue's filter. */
    public Map<String, String> districts() {
        Map<String, String> districts = new java.util.LinkedHashMap<>();
        divisionNames.entrySet().stream().filter(e -> e.getKey().length() == 6)
                .sorted(Map.Entry.comparingByKey()).forEach(e -> districts.put(e.getKey(), e.getValue()));
        return districts;
    }

    /**
     * The department whose scope covers the case's class and district (the most specific first); the first
     * department when none does. Empty only without departments.
     */
    public Optional<Reference.Department> suggestDepartment(String smallCode, String bigCode, String districtCode) {
        List<Reference.Department> ranked = new ArrayList<>();
        for (Reference.Department d : departments) {
            boolean category = d.categoryCodes().contains(smallCode) || d.categoryCodes().contains(bigCode);
            boolean district = d.districtCodes().isEmpty() || d.districtCodes().contains(districtCode);
            if (category && district) {
                ranked.add(d);
            }
        }
        if (!ranked.isEmpty()) {
            return Optional.of(ranked.get(0));
        }
        return departments.stream().findFirst();
    }
}
