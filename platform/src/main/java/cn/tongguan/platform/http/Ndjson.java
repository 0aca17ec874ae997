package cn.tongguan.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** NDJSON request bodies (bulk imports): one wire record per line, streamed, loaded in chunks. */
public final class Ndjson {
    private Ndjson() {
    }

    /**
     * Streams the body line by line (not limited by the JSON body size) and loads it in chunks. Every line is
     * validated before its chunk is written; a bad line answers 400 naming the line, after earlier chunks.
     */
    public static <T> long load(Call c, ObjectMapper mapper, Class<T> type, int chunkSize, Function<List<T>, Long> sink)
            throws IOException {
        long total = 0;
        int lineNo = 0;
        List<T> chunk = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(c.ctx().req().getInputStream(),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)))) {
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    chunk.add(Call.parse(mapper, line, type));
                } catch (ApiException e) {
                    throw new ApiException(400, e.code(), Map.of("line", lineNo, "cause", e.details(), "imported", total),
                            e.args());
                }
                if (chunk.size() == chunkSize) {
                    total += write(sink, chunk, total);
                    chunk.clear();
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ApiException(400, "bad_encoding", Map.of("line", lineNo + 1, "imported", total));
        }
        if (!chunk.isEmpty()) {
            total += write(sink, chunk, total);
        }
        return total;
    }

    /** A chunk is written in one transaction; a bad geometry in it refuses the chunk, not the earlier ones. */
    private static <T> long write(Function<List<T>, Long> sink, List<T> chunk, long before) {
        try {
            return sink.apply(chunk);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "invalid_field", Map.of("field", "geometry", "reason", String.valueOf(e.getMessage()),
                    "imported", before), "geometry", "invalid");
        }
    }
}
