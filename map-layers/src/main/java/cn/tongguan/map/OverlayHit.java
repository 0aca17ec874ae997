package cn.tongguan.map;

import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Envelope;

/**
 * What {@link MapView#overlayAt(double, double)} found: one live item, or a cluster bubble with all its members,
 * exactly as the frame draws them.
 *
 * @param members the item (one element) or the cluster's members; never empty
 * @param kind the kind all members share (clusters never mix kinds)
 * @param cluster whether it is a cluster bubble (drawn with a count) rather than one item's symbol
 * @param lngLat the members' extent in lng/lat degrees (a point for one item): {@code map.flyTo(hit.lngLat())}
 *               zooms into a cluster
 */
public record OverlayHit(List<LiveItem> members, LiveKind kind, boolean cluster, Envelope lngLat) {
    public OverlayHit {
        members = List.copyOf(members);
        Objects.requireNonNull(kind, "kind");
        lngLat = new Envelope(lngLat);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a hit has at least one item");
        }
    }

    /** The item hit, or the first member of a cluster. */
    public LiveItem item() {
        return members.get(0);
    }

    /** How many members carry this status (the share shown by the cluster's ring). */
    public long count(LiveStatus status) {
        return members.stream().filter(m -> m.status() == status).count();
    }
}
