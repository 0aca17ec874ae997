package cn.tongguan.console.sync;

import cn.tongguan.api.Cases;
import cn.tongguan.api.Reference;
import cn.tongguan.api.Stats;
import java.time.Instant;
import java.util.List;

/**
 * One refresh of what the wall shows besides map and video: today's figures, the lifeline gauges, the
 * open cases most recently reported. Fetched off the FX thread by the wall's feed.
 */
public record WallData(Instant at, Stats.Report today, List<Reference.Sensor> gauges, List<Cases.Case> recentCases) {
    public WallData {
        gauges = List.copyOf(gauges);
        recentCases = List.copyOf(recentCases);
    }
}
