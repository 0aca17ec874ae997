package cn.tongguan.map;

/**
 * What the map looks at: the centre in lng/lat degrees and the zoom (0 = the whole world in 256 pixels; each
 * step doubles). A caller stores it to restore the last view.
 */
public record MapViewState(double lng, double lat, double zoom) {
    public MapViewState {
        if (!Double.isFinite(lng) || !Double.isFinite(lat) || !Double.isFinite(zoom)) {
            throw new IllegalArgumentException("view state must be finite: " + lng + ", " + lat + ", " + zoom);
        }
    }
}
