package cn.tongguan.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Reference data: divisions (district → street → community), unit grids, parts, categories with time limits,
 * departments, cameras, sensors, working calendar. Geometries are GeoJSON geometry objects in lng/lat.
 * The same records are the lines of the NDJSON bulk import ({@code POST /api/v1/admin/import/{kind}}).
 */
public final class Reference {
    private Reference() {
    }

    /** {@code level}: district, street, community. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Division(String code, String name, String level, String parentCode, JsonNode geometry) {
        public Division {
            Invalid.maxLength("code", Invalid.required("code", code), 12);
            Invalid.required("name", name);
            Invalid.oneOf("level", Invalid.required("level", level), java.util.Set.of("district", "street", "community"));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DivisionNode(String code, String name, String level, List<DivisionNode> children) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Grid(String code, String communityCode, String streetCode, String districtCode, JsonNode geometry) {
        public Grid {
            Invalid.maxLength("code", Invalid.required("code", code), 15);
            Invalid.required("geometry", geometry);
        }
    }

    /** {@code road} and {@code doorNumber}: where it stands as people say it (平原路 128 号), both optional. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Part(String code, String smallCode, String name, Double lng, Double lat, String gridCode,
                       String departmentCode, String status, String road, Integer doorNumber) {
        public Part {
            Invalid.maxLength("code", Invalid.required("code", code), 32);
            Invalid.required("smallCode", smallCode);
            Invalid.required("lng", lng);
            Invalid.required("lat", lat);
            Invalid.maxLength("road", road, 100);
        }

        /** A part without an address. */
        public Part(String code, String smallCode, String name, Double lng, Double lat, String gridCode,
                    String departmentCode, String status) {
            this(code, smallCode, name, lng, lat, gridCode, departmentCode, status, null, null);
        }
    }

    /** {@code kind}: part or event; {@code level}: big or small (a small class names its big class as parent). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Category(String code, String kind, String level, String parentCode, String name,
                           List<TimeLimit> limits) {
        public Category {
            Invalid.maxLength("code", Invalid.required("code", code), 16);
            Invalid.oneOf("kind", Invalid.required("kind", kind), Codes.KINDS);
            Invalid.oneOf("level", Invalid.required("level", level), java.util.Set.of("big", "small"));
            Invalid.required("name", name);
            limits = limits == null ? List.of() : List.copyOf(limits);
        }
    }

    /** 处置时限 of a small class at an urgency: amount × unit (work_hour, work_day, hour, day, minute). */
    public record TimeLimit(String categoryCode, String urgency, Integer amount, String unit) {
        public TimeLimit {
            Invalid.oneOf("urgency", Invalid.required("urgency", urgency), Codes.URGENCIES);
            Invalid.required("amount", amount);
            if (amount <= 0) {
                throw new Invalid("amount", "out_of_range");
            }
            Invalid.oneOf("unit", Invalid.required("unit", unit), Codes.LIMIT_UNITS);
        }
    }

    /** A 专业部门 and what it handles where (category codes × district codes; empty = everything). */
    public record Department(String code, String name, List<String> categoryCodes, List<String> districtCodes) {
        public Department {
            Invalid.required("code", code);
            Invalid.required("name", name);
            categoryCodes = categoryCodes == null ? List.of() : List.copyOf(categoryCodes);
            districtCodes = districtCodes == null ? List.of() : List.copyOf(districtCodes);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Camera(String id, String name, Double lng, Double lat, String streamUrl, String status) {
        public Camera {
            Invalid.required("id", id);
            Invalid.required("lng", lng);
            Invalid.required("lat", lat);
            status = status == null ? "online" : status;
        }
    }

    /**
     * {@code kind}: waterlogging, underpass, manhole. {@code threshold} is the level that calls for action, for
     * legends; the platform judges readings against its threshold rules ({@link Lifeline.Threshold}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Sensor(String id, String kind, String name, Double lng, Double lat, String unit, Double threshold,
                         Double lastValue, Instant lastAt) {
        public Sensor {
            Invalid.required("id", id);
            Invalid.required("kind", kind);
            Invalid.required("lng", lng);
            Invalid.required("lat", lat);
        }
    }

    /** A calendar exception: a holiday on a weekday ({@code working=false}) or a 调休 working weekend day. */
    public record CalendarDay(LocalDate date, Boolean working) {
        public CalendarDay {
            Invalid.required("date", date);
            Invalid.required("working", working);
        }
    }

    /** Result of a bulk import. */
    public record ImportResult(String kind, long count) {
    }
}
