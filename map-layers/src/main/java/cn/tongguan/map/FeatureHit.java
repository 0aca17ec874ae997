package cn.tongguan.map;

/** A feature found under the cursor, with the layer it belongs to. */
public record FeatureHit(FeatureLayer layer, Feature feature) {
}
