package cn.tongguan.console.wall;

/**
 * Colour bands of water depth (domain §5: blue ≥ 5 cm watch, yellow ≥ 15, orange ≥ 25 closes an underpass,
 * red ≥ 40). The per-point alarm threshold is the platform's; these bands only colour the wall.
 */
final class WaterLevels {
    static final double UNDERPASS_CLOSED_CM = 25;

    private WaterLevels() {
    }

    static String level(String kind, double depthCm) {
        if (depthCm >= 40) {
            return "red";
        }
        if (depthCm >= 25) {
            return "orange";
        }
        if (depthCm >= 15) {
            return "yellow";
        }
        return depthCm >= 5 ? "blue" : "none";
    }
}
