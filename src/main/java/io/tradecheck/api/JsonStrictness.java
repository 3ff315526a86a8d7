package io.tradecheck.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;

/** A shipping system's typo must not pass silently: unknown fields, duplicate keys and trailing junk are errors. */
@Singleton
public class JsonStrictness implements ObjectMapperCustomizer {
    /** Far beyond any money amount or rate, far below what makes BigDecimal arithmetic slow. */
    static final int MAX_DECIMAL_SCALE = 64;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.registerModule(new SimpleModule("bounded-decimals").addDeserializer(BigDecimal.class, new BoundedDecimal()));
    }

    /**
     * A value such as {@code 1e-999999999} is a valid JSON number within every range check, but rounding it to cents
     * would compute 10^999999997: rejected at the door with the field named.
     */
    static final class BoundedDecimal extends NumberDeserializers.BigDecimalDeserializer {
        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            BigDecimal value = super.deserialize(p, ctxt);
            if (value != null && Math.abs((long) value.scale()) > MAX_DECIMAL_SCALE) {
                return (BigDecimal) ctxt.handleWeirdNumberValue(BigDecimal.class, value,
                        "has more than %d decimal places or a huge exponent", MAX_DECIMAL_SCALE);
            }
            return value;
        }
    }
}
