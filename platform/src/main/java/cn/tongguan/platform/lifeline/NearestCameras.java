package cn.tongguan.platform.lifeline;

import cn.tongguan.api.GeoDistance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The cameras nearest a point, nearest first. A city has a few hundred cameras at most (139 in Xinxiang), so a
 * scan with a local flat-earth distance is cheaper than keeping an index in step with camera imports.
 */
final class NearestCameras {
    /** A camera with what the snapshot needs. */
    record Camera(String id, String streamUrl, String status, double metres) {
    }

    private NearestCameras() {
    }

    static List<String> of(Connection c, double lng, double lat, int n) throws SQLException {
        return cameras(c, lng, lat, n).stream().map(Camera::id).toList();
    }

    static List<Camera> cameras(Connection c, double lng, double lat, int n) throws SQLException {
        List<Camera> all = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, lng, lat, stream_url, status FROM cameras");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                all.add(new Camera(rs.getString(1), rs.getString(4), rs.getString(5),
                        GeoDistance.metres(rs.getDouble(2), rs.getDouble(3), lng, lat)));
            }
        }
        all.sort(Comparator.comparingDouble(Camera::metres).thenComparing(Camera::id));
        return all.subList(0, Math.min(n, all.size()));
    }
}
