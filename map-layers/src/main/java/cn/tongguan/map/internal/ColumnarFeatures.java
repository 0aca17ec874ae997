package cn.tongguan.map.internal;

import cn.tongguan.map.Feature;
import cn.tongguan.map.ImportResult;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * The byte layout behind {@link cn.tongguan.map.FeatureCache} (big-endian, CRC32 of everything before it last):
 * <pre>
 * "TGFC" version stamp(str) problems(int n, str…) strings(int n, str…) sets(int n, set…) features(int n)
 *   id column int[n] (string index) · set column int[n] · kind column byte[n] (0 point, 1 WKB)
 *   x column double[points] · y column double[points] · WKB blobs (int length, bytes)…   crc(int)
 * set = int entries, (int key string index, value)…;  value = tag byte + payload (string index, long, double,
 * boolean byte, nothing for null, or a nested list/map)
 * </pre>
 * A feature's property map is shared by every feature with the same set, as the importer shares them.
 */
public final class ColumnarFeatures {
    public static final int VERSION = 1;
    private static final int MAGIC = 0x54474643;
    private static final byte T_NULL = 0;
    private static final byte T_STRING = 1;
    private static final byte T_LONG = 2;
    private static final byte T_DOUBLE = 3;
    private static final byte T_BOOLEAN = 4;
    private static final byte T_LIST = 5;
    private static final byte T_MAP = 6;
    private static final byte T_OTHER = 7;

    private ColumnarFeatures() {
    }

    public static byte[] encode(String stamp, List<Feature> features, List<String> problems) {
        try {
            return new Encoder().encode(stamp, features, problems);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
    }

    /** The decoded features, {@code null} when the stamp differs; damage throws IllegalArgumentException. */
    public static ImportResult decode(byte[] bytes, String stamp) {
        if (bytes.length < 12) {
            throw new IllegalArgumentException("too short");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        if ((int) crc.getValue() != in.getInt(bytes.length - 4)) {
            throw new IllegalArgumentException("checksum mismatch");
        }
        if (in.getInt() != MAGIC || in.getInt() != VERSION) {
            throw new IllegalArgumentException("not a feature cache of version " + VERSION);
        }
        if (!stamp.equals(string(in))) {
            return null;
        }
        List<String> problems = new ArrayList<>();
        for (int i = in.getInt(); i > 0; i--) {
            problems.add(string(in));
        }
        String[] strings = new String[in.getInt()];
        for (int i = 0; i < strings.length; i++) {
            strings[i] = string(in);
        }
        List<Map<String, Object>> sets = new ArrayList<>();
        for (int i = in.getInt(); i > 0; i--) {
            Map<String, Object> set = new LinkedHashMap<>();
            for (int e = in.getInt(); e > 0; e--) {
                String key = strings[in.getInt()];
                set.put(key, value(in, strings));
            }
            sets.add(Collections.unmodifiableMap(set));
        }
        int n = in.getInt();
        int[] ids = new int[n];
        in.asIntBuffer().get(ids);
        in.position(in.position() + 4 * n);
        int[] setOf = new int[n];
        in.asIntBuffer().get(setOf);
        in.position(in.position() + 4 * n);
        byte[] kinds = new byte[n];
        in.get(kinds);
        int points = 0;
        for (byte k : kinds) {
            points += k == 0 ? 1 : 0;
        }
        double[] xs = new double[points];
        double[] ys = new double[points];
        in.asDoubleBuffer().get(xs);
        in.position(in.position() + 8 * points);
        in.asDoubleBuffer().get(ys);
        in.position(in.position() + 8 * points);
        GeometryFactory factory = new GeometryFactory(new PrecisionModel(), 4326);
        WKBReader wkb = new WKBReader(factory);
        List<Feature> features = new ArrayList<>(n);
        int p = 0;
        for (int i = 0; i < n; i++) {
            Geometry g;
            if (kinds[i] == 0) {
                g = factory.createPoint(new Coordinate(xs[p], ys[p]));
                p++;
            } else {
                byte[] blob = new byte[in.getInt()];
                in.get(blob);
                try {
                    g = wkb.read(blob);
                } catch (ParseException e) {
                    throw new IllegalArgumentException("bad geometry of feature " + i, e);
                }
            }
            g.setSRID(4326);
            features.add(new Feature(strings[ids[i]], g, sets.get(setOf[i])));
        }
        return new ImportResult(features, problems);
    }

    private static String string(ByteBuffer in) {
        int length = in.getInt();
        String s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }

    private static Object value(ByteBuffer in, String[] strings) {
        byte tag = in.get();
        return switch (tag) {
            case T_NULL -> null;
            case T_STRING, T_OTHER -> strings[in.getInt()];
            case T_LONG -> in.getLong();
            case T_DOUBLE -> in.getDouble();
            case T_BOOLEAN -> in.get() != 0;
            case T_LIST -> {
                List<Object> list = new ArrayList<>();
                for (int i = in.getInt(); i > 0; i--) {
                    list.add(value(in, strings));
                }
                yield list;
            }
            case T_MAP -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = in.getInt(); i > 0; i--) {
                    String key = strings[in.getInt()];
                    map.put(key, value(in, strings));
                }
                yield map;
            }
            default -> throw new IllegalArgumentException("unknown value tag " + tag);
        };
    }

    /** Builds the tables while walking the features once. */
    private static final class Encoder {
        private final Map<String, Integer> stringIndex = new HashMap<>();
        private final List<String> strings = new ArrayList<>();
        private final Map<Map<String, Object>, Integer> setIndex = new HashMap<>();
        private final List<Map<String, Object>> sets = new ArrayList<>();

        byte[] encode(String stamp, List<Feature> features, List<String> problems) throws IOException {
            int n = features.size();
            int[] ids = new int[n];
            int[] setOf = new int[n];
            byte[] kinds = new byte[n];
            int points = 0;
            for (int i = 0; i < n; i++) {
                Feature f = features.get(i);
                ids[i] = intern(f.id());
                setOf[i] = setIndex.computeIfAbsent(f.attributes(), set -> {
                    sets.add(set);
                    return sets.size() - 1;
                });
                boolean point = f.geometry() instanceof Point pt && !pt.isEmpty();
                kinds[i] = (byte) (point ? 0 : 1);
                points += point ? 1 : 0;
            }
            ByteArrayOutputStream setBytes = new ByteArrayOutputStream();
            DataOutputStream setOut = new DataOutputStream(setBytes);
            setOut.writeInt(sets.size());
            for (Map<String, Object> set : sets) {
                writeMap(setOut, set);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + n * 12 + points * 16);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            writeString(out, stamp);
            out.writeInt(problems.size());
            for (String problem : problems) {
                writeString(out, problem);
            }
            out.writeInt(strings.size());
            for (String s : strings) {
                writeString(out, s);
            }
            setBytes.writeTo(out);
            out.writeInt(n);
            ByteBuffer columns = ByteBuffer.allocate(8 * n + n + 16 * points);
            columns.asIntBuffer().put(ids).put(setOf);
            columns.position(8 * n);
            columns.put(kinds);
            double[] xs = new double[points];
            double[] ys = new double[points];
            int p = 0;
            for (int i = 0; i < n; i++) {
                if (kinds[i] == 0) {
                    Point pt = (Point) features.get(i).geometry();
                    xs[p] = pt.getX();
                    ys[p++] = pt.getY();
                }
            }
            columns.asDoubleBuffer().put(xs).put(ys);
            out.write(columns.array());
            WKBWriter wkb = new WKBWriter(2);
            for (int i = 0; i < n; i++) {
                if (kinds[i] == 1) {
                    byte[] blob = wkb.write(features.get(i).geometry());
                    out.writeInt(blob.length);
                    out.write(blob);
                }
            }
            out.flush();
            CRC32 crc = new CRC32();
            byte[] body = bytes.toByteArray();
            crc.update(body);
            ByteBuffer all = ByteBuffer.allocate(body.length + 4);
            all.put(body).putInt((int) crc.getValue());
            return all.array();
        }

        private int intern(String s) {
            return stringIndex.computeIfAbsent(s, k -> {
                strings.add(k);
                return strings.size() - 1;
            });
        }

        private void writeMap(DataOutputStream out, Map<?, ?> map) throws IOException {
            out.writeInt(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.writeInt(intern(String.valueOf(e.getKey())));
                writeValue(out, e.getValue());
            }
        }

        private void writeValue(DataOutputStream out, Object v) throws IOException {
            if (v == null) {
                out.writeByte(T_NULL);
            } else if (v instanceof String s) {
                out.writeByte(T_STRING);
                out.writeInt(intern(s));
            } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
                out.writeByte(T_LONG);
                out.writeLong(((Number) v).longValue());
            } else if (v instanceof Double || v instanceof Float) {
                out.writeByte(T_DOUBLE);
                out.writeDouble(((Number) v).doubleValue());
            } else if (v instanceof Boolean b) {
                out.writeByte(T_BOOLEAN);
                out.writeByte(b ? 1 : 0);
            } else if (v instanceof List<?> list) {
                out.writeByte(T_LIST);
                out.writeInt(list.size());
                for (Object item : list) {
                    writeValue(out, item);
                }
            } else if (v instanceof Map<?, ?> map) {
                out.writeByte(T_MAP);
                writeMap(out, map);
            } else {
                // BigInteger, dates…: their text, which is what Feature.text() shows anyway
                out.writeByte(T_OTHER);
                out.writeInt(intern(v.toString()));
            }
        }

        private static void writeString(DataOutputStream out, String s) throws IOException {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
        }
    }
}
