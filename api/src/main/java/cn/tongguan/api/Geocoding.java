package cn.tongguan.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Address → place (地址匹配) against the city's own data: divisions, unit grids, part codes, coordinates. */
public final class Geocoding {
    private Geocoding() {
    }

    /**
     * One candidate of {@code GET /api/v1/geocode?q=}, best first. {@code level} is what matched (district,
     * street, community, grid, part or point); lng/lat is a point inside it; {@code matched} the text that
     * matched; {@code score} orders candidates (higher is better; only comparable within one answer).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Candidate(String label, String level, double lng, double lat, String districtCode,
                            String streetCode, String communityCode, String gridCode, String partCode, String matched,
                            double score) {
    }
}
