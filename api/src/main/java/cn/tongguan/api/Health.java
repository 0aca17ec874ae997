package cn.tongguan.api;

import java.time.Instant;

/** Answer of {@code GET /api/v1/health}: whether the platform is up, its version and its clock. */
public record Health(String status, String version, Instant time) {
}
