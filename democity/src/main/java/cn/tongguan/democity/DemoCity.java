package cn.tongguan.democity;

import java.util.List;

/**
 * The generated city: divisions, grids, parts, departments, cameras, sensors and the lines of its map (named
 * roads, waters and railways of lines.csv, then the generated streets), all in local metres of
 * {@link #projection()} (exports convert to lng/lat).
 */
public record DemoCity(long seed, LocalProjection projection, List<Area> areas, List<UnitGrid> grids,
                       List<Part> parts, List<Department> departments, List<Camera> cameras,
                       List<Sensor> sensors, List<Threshold> thresholds, List<PartClass> partClasses,
                       List<CityLine> lines) {

    public List<Area> areas(Area.Level level) {
        return areas.stream().filter(a -> a.level() == level).toList();
    }
}
