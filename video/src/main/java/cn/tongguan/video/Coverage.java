package cn.tongguan.video;

import java.time.Duration;
import java.util.List;

/**
 * How much of the toured cameras the wall showed live within a window.
 *
 * @param seen   cameras that had a live frame on some tile within the window
 * @param total  cameras in the running tours
 * @param unseen ids of the others, in tour order
 */
public record Coverage(Duration window, int seen, int total, List<String> unseen) {
    public Coverage {
        unseen = List.copyOf(unseen);
    }

    public double ratio() {
        return total == 0 ? 1.0 : (double) seen / total;
    }
}
