package io.gitinsight.support.error;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.UUID;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.gitinsight.model.api.InvalidParameterException;

/**
 * Converts UUID path and query parameters so that a malformed one is a 400 naming the parameter (the
 * contract's "bad UUIDs"), not the 404 that JAX-RS answers for a path parameter that does not convert.
 */
@Provider
public class UuidParamConverterProvider implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != UUID.class) {
            return null;
        }
        String name = nameOf(annotations);
        return (ParamConverter<T>) new ParamConverter<UUID>() {
            @Override
            public UUID fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return UUID.fromString(value);
                } catch (IllegalArgumentException e) {
                    throw new WebApplicationException(
                            new InvalidParameterException(name, name + " must be a UUID, was '" + abbreviate(value) + "'"),
                            400);
                }
            }

            @Override
            public String toString(UUID value) {
                return value.toString();
            }
        };
    }

    private static String nameOf(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            String name = "";
            if (annotation instanceof RestPath p) {
                name = p.value();
            } else if (annotation instanceof RestQuery q) {
                name = q.value();
            } else if (annotation instanceof PathParam p) {
                name = p.value();
            } else if (annotation instanceof QueryParam q) {
                name = q.value();
            }
            if (!name.isEmpty()) {
                return name;
            }
        }
        // @RestPath without a value: the Java parameter name is not visible to a converter
        return "parameter";
    }

    /** A client's value as error messages quote it: at most 64 characters. */
    static String abbreviate(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "…";
    }
}
