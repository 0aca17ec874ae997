package cn.tongguan.console.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The compact form of the cached parts (ADR 0120): blocks of up to {@link #SIZE} parts, each one binary value
 * with its own dictionary of the repeated strings (class, grid, department, state, road), coordinates as
 * integers of 10⁻⁷ degree. A warm start reads some 60 values instead of 629,724 rows.
 */
final class PartBlocks {
    static final int SIZE = 10_000;
    private static final double SCALE = 1e7;
    private static final int NONE = 0xffff;

    private PartBlocks() {
    }

    /** Encodes one block. */
    static byte[] encode(List<GeoPart> parts) {
        Map<String, Integer> index = new HashMap<>();
        List<String> dictionary = new ArrayList<>();
        int[][] refs = new int[parts.size()][];
        for (int i = 0; i < parts.size(); i++) {
            GeoPart p = parts.get(i);
            refs[i] = new int[] {ref(p.classCode(), index, dictionary), ref(p.className(), index, dictionary),
                ref(p.grid(), index, dictionary), ref(p.department(), index, dictionary),
                ref(p.state(), index, dictionary), ref(p.road(), index, dictionary)};
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(parts.size() * 40);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(dictionary.size());
            for (String s : dictionary) {
                out.writeUTF(s);
            }
            out.writeInt(parts.size());
            for (int i = 0; i < parts.size(); i++) {
                GeoPart p = parts.get(i);
                out.writeUTF(p.code());
                out.writeInt((int) Math.round(p.lng() * SCALE));
                out.writeInt((int) Math.round(p.lat() * SCALE));
                out.writeInt(p.door());
                for (int r : refs[i]) {
                    out.writeShort(r);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Indexes fit an unsigned short: a block of 10,000 parts has at most 6 × 10,000 distinct strings, and
     * {@link #NONE} (written as -1) is null.
     */
    private static int ref(String value, Map<String, Integer> index, List<String> dictionary) {
        if (value == null) {
            return -1;
        }
        return index.computeIfAbsent(value, v -> {
            dictionary.add(v);
            return dictionary.size() - 1;
        });
    }

    /** Decodes one block into {@code sink}. */
    static void decode(byte[] block, Consumer<GeoPart> sink) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(block))) {
            String[] dictionary = new String[in.readInt()];
            for (int i = 0; i < dictionary.length; i++) {
                dictionary[i] = in.readUTF();
            }
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                String code = in.readUTF();
                double lng = in.readInt() / SCALE;
                double lat = in.readInt() / SCALE;
                int door = in.readInt();
                String[] s = new String[6];
                for (int k = 0; k < 6; k++) {
                    int r = in.readUnsignedShort();
                    s[k] = r == NONE ? null : dictionary[r];
                }
                sink.accept(new GeoPart(code, s[0], s[1], lng, lat, s[2], s[3], s[4], s[5], door));
            }
        } catch (IOException e) {
            throw new CacheException("a cached block of parts cannot be read", e);
        }
    }
}
