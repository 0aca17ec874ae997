package cn.tongguan.democity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineSegment;

/**
 * Places exactly {@code total} parts along the road network in the class mix of {@code part-classes.csv}:
 * a road segment is drawn by weight, a point along it, then an offset to the side the class stands on.
 * Quotas use the largest-remainder method so that they add up to the total exactly.
 */
final class PartGenerator {
    private final RoadNetwork roads;
    private final GridIndex grids;

    PartGenerator(RoadNetwork roads, GridIndex grids) {
        this.roads = roads;
        this.grids = grids;
    }

    static int[] quotas(List<PartClass> classes, int total) {
        double shareSum = classes.stream().mapToDouble(PartClass::share).sum();
        int[] quota = new int[classes.size()];
        double[] remainder = new double[classes.size()];
        int assigned = 0;
        for (int i = 0; i < classes.size(); i++) {
            double exact = total * classes.get(i).share() / shareSum;
            quota[i] = (int) Math.floor(exact);
            remainder[i] = exact - quota[i];
            assigned += quota[i];
        }
        while (assigned < total) {
            int best = 0;
            for (int i = 1; i < remainder.length; i++) {
                if (remainder[i] > remainder[best]) {
                    best = i;
                }
            }
            quota[best]++;
            remainder[best] = -1;
            assigned++;
        }
        return quota;
    }

    List<Part> generate(List<PartClass> classes, int total, SplittableRandom random) {
        int[] quota = quotas(classes, total);
        List<Part> parts = new ArrayList<>(total);
        Map<String, Integer> sequence = new HashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            PartClass type = classes.get(c);
            for (int n = 0; n < quota[c]; n++) {
                parts.add(place(type, sequence, random));
            }
        }
        return parts;
    }

    private Part place(PartClass type, Map<String, Integer> sequence, SplittableRandom random) {
        for (int attempt = 0; ; attempt++) {
            RoadNetwork.Segment segment = roads.pick(random);
            LineSegment line = segment.line();
            Coordinate along = line.pointAlong(random.nextDouble());
            double side = random.nextBoolean() ? 1 : -1;
            double offset = type.offset() * side + (random.nextDouble() - 0.5) * 2;
            double len = line.getLength();
            double nx = -(line.p1.y - line.p0.y) / len;
            double ny = (line.p1.x - line.p0.x) / len;
            double x = along.x + nx * offset;
            double y = along.y + ny * offset;
            UnitGrid grid = grids.locate(x, y);
            if (grid == null) {
                if (attempt > 1_000) {
                    throw new IllegalStateException("no grid reachable for class " + type.code());
                }
                continue; // stepped off the built-up area at its edge: draw again
            }
            String district = grid.code().substring(0, 6);
            int seq = sequence.merge(district + type.code(), 1, Integer::sum);
            PartState state = state(random);
            double measure = segment.measure() + along.distance(line.p0);
            int number = 2 * (int) Math.floor(measure / RoadNetwork.DOOR_SPACING) + (side > 0 ? 1 : 2);
            return new Part(district + type.code() + String.format("%06d", seq), type.code(), x, y, grid.code(),
                    type.department(), state, segment.road().name(), number);
        }
    }

    private static PartState state(SplittableRandom random) {
        double r = random.nextDouble();
        return r < 0.970 ? PartState.完好 : r < 0.990 ? PartState.破损 : r < 0.995 ? PartState.丢失 : PartState.废弃;
    }
}
