package cn.tongguan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class GeoDistanceTest {
    private record Place(String id, double lng, double lat) {
    }

    @Test
    void aKilometreNorthAndAKilometreEastInXinxiangMeasureAsAKilometre() {
        double lat = 35.30;
        double north = GeoDistance.metres(113.90, lat, 113.90, lat + GeoDistance.degreesLat(1000));
        double east = GeoDistance.metres(113.90, lat, 113.90 + GeoDistance.degreesLng(1000, lat), lat);
        assertThat(north).isCloseTo(1000, within(0.5));
        assertThat(east).isCloseTo(1000, within(0.5));
        // A degree of longitude is shorter than one of latitude at 35° N (about 90.8 km against 110.6 km).
        assertThat(GeoDistance.metresPerDegreeLng(lat)).isCloseTo(90_880, within(100.0));
    }

    @Test
    void theNearestComeFirstAndTiesGoByTheirKeyNotByTheirArrival() {
        Place here = new Place("here", 113.90, 35.30);
        // Two cameras on one pole: the same distance, whatever order the list came in.
        Place second = new Place("b-pole", 113.90, 35.30 + GeoDistance.degreesLat(100));
        Place first = new Place("a-pole", 113.90, 35.30 + GeoDistance.degreesLat(100));
        Place far = new Place("far", 113.95, 35.35);
        List<Place> got = GeoDistance.nearest(List.of(far, second, first, here), Place::lng, Place::lat, 113.90,
                35.30, 3, Place::id);
        assertThat(got).extracting(Place::id).containsExactly("here", "a-pole", "b-pole");
    }
}
