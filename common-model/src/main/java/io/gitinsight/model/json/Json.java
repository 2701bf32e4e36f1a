package io.gitinsight.model.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON dialect of everything that crosses a process boundary: snake_case fields, ISO-8601 times,
 * unknown fields tolerated so that a newer producer never breaks an older consumer.
 */
public final class Json {

    private static final ObjectMapper MAPPER = configure(new ObjectMapper());

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Applies the dialect to a mapper, so that a framework-managed mapper speaks it too. */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    }
}
