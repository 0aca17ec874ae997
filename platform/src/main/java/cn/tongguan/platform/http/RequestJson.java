package cn.tongguan.platform.http;

import cn.tongguan.api.Json;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;

/**
 * How the platform reads request bodies: stricter than the shared {@link Json#newMapper()} (which consoles also
 * use to read answers and must stay tolerant of fields a newer platform adds). A request is refused, not guessed
 * at: unknown keys, a number sent as a string (or the reverse), a float where an integer belongs, duplicate keys,
 * trailing content, non-finite numbers and JSON nested deeper than any request of the API needs (ADR 0085).
 */
public final class RequestJson {
    /** Deeper than any request body of the API (GeoJSON multipolygons are 4 levels inside their record). */
    static final int MAX_DEPTH = 64;

    private RequestJson() {
    }

    public static ObjectMapper newMapper() {
        ObjectMapper m = Json.newMapper()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        m.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                .maxNumberLength(64).maxStringLength(2_000_000).build());
        m.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        m.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        SimpleModule finite = new SimpleModule("finite-doubles");
        finite.addDeserializer(Double.class, new FiniteDouble(Double.class));
        finite.addDeserializer(double.class, new FiniteDouble(double.class));
        m.registerModule(finite);
        return m;
    }

    /** A JSON number that fits a double: {@code 1e999} would otherwise become Infinity and pass range checks as "big". */
    private static final class FiniteDouble extends StdScalarDeserializer<Double> {
        private static final long serialVersionUID = 1L;

        FiniteDouble(Class<?> type) {
            super(type);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                return (Double) ctxt.handleUnexpectedToken(Double.class, p);
            }
            double d = p.getDoubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw InvalidFormatException.from(p, "not a finite number", p.getText(), Double.class);
            }
            return d;
        }

        @Override
        public Double getNullValue(DeserializationContext ctxt) throws com.fasterxml.jackson.databind.JsonMappingException {
            // what FAIL_ON_NULL_FOR_PRIMITIVES does for Jackson's own deserializer of double
            return handledType().isPrimitive() ? ctxt.reportInputMismatch(this, "null for a number") : null;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Float;
        }
    }
}
