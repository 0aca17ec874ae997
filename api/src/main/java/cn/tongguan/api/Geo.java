package cn.tongguan.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * Geography served to maps that cache it (ADR 0110): division polygons per level, the lines of the map (roads,
 * waters, railways) and every part in a compact columnar stream. Geometries are GeoJSON in lng/lat.
 */
public final class Geo {
    private Geo() {
    }

    public static final Set<String> LINE_KINDS = Set.of("road", "water", "rail");
    public static final Set<String> DIVISION_LEVELS = Set.of("district", "street", "community");
    /** The columnar parts stream's format name, in its header (a client refuses a format it does not know). */
    public static final String PARTS_FORMAT = "tongguan.parts.columns/1";

    /**
     * A line of the map: also the line of the NDJSON import {@code POST /api/v1/admin/import/lines}.
     *
     * @param kind road, water or rail
     * @param lineClass roads: trunk, arterial, secondary, minor; water: river, canal; rail: railway, high_speed
     * @param generated made up by a generator (the demo city's minor streets), not surveyed
     * @param geometry GeoJSON LineString or MultiLineString
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(String id, String kind, String name, String lineClass, boolean generated, JsonNode geometry) {
        public Line {
            Invalid.maxLength("id", Invalid.required("id", id), 64);
            Invalid.oneOf("kind", Invalid.required("kind", kind), LINE_KINDS);
            Invalid.maxLength("name", Invalid.required("name", name), 100);
            Invalid.maxLength("lineClass", lineClass, 32);
            Invalid.required("geometry", geometry);
        }
    }

    /**
     * First line of {@code GET /api/v1/geo/parts}: what follows and how many parts the whole layer has.
     *
     * @param coordinateScale coordinates in the blocks are integers: degrees × this scale
     */
    public record PartsHeader(String type, String format, long total, int blockSize, long coordinateScale) {
    }

    /**
     * New entries of the stream's dictionaries, appended in order; a block's index columns refer to the
     * dictionaries as they stand after its own entries.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Dictionary(List<String> codePrefixes, List<ClassEntry> classes, List<String> grids,
                             List<String> departments, List<String> states, List<String> roads) {
    }

    /** A part class as the stream names it once. */
    public record ClassEntry(String code, String name) {
    }

    /**
     * Up to {@code blockSize} parts in columns (all lists the same length). A part's code is
     * {@code codePrefixes[codePrefix[i]] + codeSuffix[i]} (the prefix is all but the last six characters:
     * district + class in a GB/T 47678.5 code). Index columns refer to the dictionaries, {@code -1} = none;
     * {@code doorNumbers} 0 = none.
     */
    public record PartsBlock(String type, Dictionary dictionary, int[] codePrefix, List<String> codeSuffix,
                             int[] classes, long[] lng, long[] lat, int[] grids, int[] departments, int[] states,
                             int[] roads, int[] doorNumbers) {

        /** The code of the {@code i}-th part, given the stream's prefix dictionary so far. */
        public String code(List<String> prefixes, int i) {
            return prefixes.get(codePrefix[i]) + codeSuffix.get(i);
        }
    }

    /** Characters of a part code kept in the block; the rest is the prefix looked up in the dictionary. */
    public static final int CODE_SUFFIX = 6;

    /** Last line: the parts this response carried, and where the next page starts ({@code null}: no more). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PartsEnd(String type, long count, String nextCursor) {
    }

    /**
     * Case density per grid (body of {@code GET /api/v1/geo/heat}): the cases reported in {@code [from, to)},
     * of one big class when {@code bigCode} is set, counted per grid code; grids without a case are left out.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Heat(java.time.Instant from, java.time.Instant to, String bigCode, long total, List<HeatCell> grids) {
        public Heat {
            grids = grids == null ? List.of() : List.copyOf(grids);
        }
    }

    /** One grid of a {@link Heat}: how many cases were reported in it. */
    public record HeatCell(String gridCode, long count) {
    }
}
