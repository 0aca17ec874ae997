package cn.tongguan.console.wall;

import cn.tongguan.api.Cases;
import java.time.Instant;

/**
 * An open case as the wall remembers it between runs: only what its map needs (place, district, the light's
 * inputs), some 150 bytes of JSON instead of the case's kilobyte, so that the 26,727 open cases of the loaded demo
 * city are a few MB in the wall's store.
 */
public record WallCaseMark(long id, double lng, double lat, String district, String state, String light,
                           Instant warnAt, Instant deadline, Instant reportedAt) {
    public static WallCaseMark of(Cases.Case c) {
        return new WallCaseMark(c.id(), c.lng(), c.lat(), c.districtCode(), c.state(), c.light(), c.warnAt(),
                c.deadline(), c.reportedAt());
    }

    /** Back as a case for {@link WallCases} (every field the map does not read left empty). */
    public Cases.Case toCase() {
        return new Cases.Case(id, null, state, null, null, null, null, lng, lat, district, null, null, null, null,
                null, null, null, null, null, null, 0, reportedAt, null, null, null, null, null, deadline, null,
                null, light, false, 0, 0, 0, null, warnAt);
    }
}
