package cn.tongguan.console.cache;

/**
 * A part as the map keeps it: decoded from the platform's columnar stream (ADR 0110) into one row of the cache.
 *
 * @param classCode the part's small class code; {@code className} its name
 * @param department owner department code, or null
 * @param road the road it stands on, or null; {@code door} its door number, 0 for none
 */
public record GeoPart(String code, String classCode, String className, double lng, double lat, String grid,
                      String department, String state, String road, int door) {
}
