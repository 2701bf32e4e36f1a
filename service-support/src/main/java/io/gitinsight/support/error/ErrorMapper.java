package io.gitinsight.support.error;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.gitinsight.model.api.InvalidParameterException;
import io.gitinsight.model.error.ErrorBody;
import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.support.trace.TraceIdFilter;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The one place where an exception becomes an HTTP answer: the contract's error body with the right
 * status, never a stack trace. Unexpected failures are logged with the trace id the caller sees.
 */
public class ErrorMapper {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class);
    /** The field named when no parameter name is known. */
    static final String UNNAMED = "parameter";
    private static final PropertyNamingStrategies.NamingBase SNAKE = (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private final CurrentVertxRequest request;

    public ErrorMapper(CurrentVertxRequest request) {
        this.request = request;
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> api(ApiException e) {
        return answer(e.status(), e.code(), e.getMessage(), e.details());
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> invalidParameter(InvalidParameterException e) {
        if (UNNAMED.equals(e.field())) {
            String field = queryParameterHolding(e.getMessage());
            if (field != null) {
                return answer(400, ErrorCode.VALIDATION_ERROR, e.getMessage().replaceFirst("^" + UNNAMED, field),
                        Map.of("field", field));
            }
        }
        return answer(400, ErrorCode.VALIDATION_ERROR, e.getMessage(), Map.of("field", e.field()));
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> constraintViolation(ConstraintViolationException e) {
        List<Map<String, Object>> violations = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            violations.add(Map.of("field", fieldOf(violation.getPropertyPath()), "message", violation.getMessage()));
        }
        violations.sort((a, b) -> a.get("field").toString().compareTo(b.get("field").toString()));
        String message = violations.stream().map(v -> v.get("field") + " " + v.get("message"))
                .collect(Collectors.joining("; "));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("field", violations.isEmpty() ? "" : violations.get(0).get("field"));
        details.put("violations", violations);
        return answer(400, ErrorCode.VALIDATION_ERROR, message, details);
    }

    /** Listed type by type: Quarkus ships its own mappers for the more specific Jackson exceptions. */
    @ServerExceptionMapper({ JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, InvalidFormatException.class, ValueInstantiationException.class })
    public RestResponse<ErrorBody> json(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return answer(400, ErrorCode.VALIDATION_ERROR, "invalid value for " + field + ": "
                    + e.getOriginalMessage(), Map.of("field", field));
        }
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        String kind = e instanceof JsonParseException ? "malformed JSON" : "unreadable JSON";
        return answer(400, ErrorCode.VALIDATION_ERROR, "the request body is " + kind + where, Map.of("field", "body"));
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json);
        }
        if (e.getCause() instanceof InvalidParameterException invalid) {
            return invalidParameter(invalid);
        }
        int status = e.getResponse().getStatus();
        if (status == 404 && e.getCause() != null) {
            // JAX-RS answers a path or query parameter that does not convert with 404; the contract says 400,
            // naming the parameter: the query parameter whose value the converter refused, when there is one
            String refused = String.valueOf(e.getCause().getMessage());
            String field = queryParameterHolding(refused);
            if (field == null) {
                return answer(400, ErrorCode.VALIDATION_ERROR, "invalid parameter: " + refused, Map.of("field", UNNAMED));
            }
            String what = e.getCause() instanceof NumberFormatException ? " must be a whole number within range"
                    : " is invalid";
            return answer(400, ErrorCode.VALIDATION_ERROR, field + what + ", was '" + UuidParamConverterProvider.abbreviate(
                    request.getCurrent().queryParams().get(field)) + "'", Map.of("field", field));
        }
        if (status >= 500) {
            LOG.errorf(e, "request failed with %d", status);
        }
        return answer(status, ErrorCode.forStatus(status), messageFor(status, e), Map.of());
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> unexpected(Throwable e) {
        Throwable unreachable = unreachableDependency(e);
        if (unreachable != null) {
            // the database, cache or broker is down: CONTRACT §2's 503, which a client may retry, not a 500
            LOG.warnf("a dependency is unreachable: %s", unreachable.toString());
            return answer(503, ErrorCode.UPSTREAM_UNAVAILABLE,
                    "a service this request needs is unreachable; try again shortly",
                    Map.of("reason", unreachable.getClass().getSimpleName()));
        }
        LOG.error("unexpected failure", e);
        return answer(500, ErrorCode.INTERNAL_SERVER_ERROR,
                "an unexpected error occurred; quote the trace id when reporting it", Map.of());
    }

    /**
     * The query parameter whose value a converter's message quotes (the longest such value, so that
     * {@code page=1&page_size=1x} names {@code page_size}), or null. Converters that cannot see a parameter's
     * name ({@code @RestQuery} without a value) say {@value #UNNAMED}; the request still knows it.
     */
    private String queryParameterHolding(String message) {
        RoutingContext current = request.getCurrent();
        if (current == null || message == null) {
            return null;
        }
        String found = null;
        int longest = 0;
        for (Map.Entry<String, String> parameter : current.queryParams()) {
            String value = parameter.getValue();
            if (value.length() > longest && (message.contains("\"" + value + "\"") || message.contains("'" + value + "'")
                    || message.contains("'" + UuidParamConverterProvider.abbreviate(value) + "'"))) {
                found = parameter.getKey();
                longest = value.length();
            }
        }
        return found;
    }

    /** The failure in {@code e}'s causes that says a connection could not be made or was lost, or null. */
    static Throwable unreachableDependency(Throwable e) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.NoRouteToHostException
                    || t instanceof java.net.UnknownHostException
                    || CONNECTION_LOST.contains(t.getClass().getName())) {
                return t;
            }
        }
        return null;
    }

    /** Connections lost midway, by the clients' own types (service-support does not depend on the clients). */
    private static final java.util.Set<String> CONNECTION_LOST = java.util.Set.of(
            "io.vertx.sqlclient.ClosedConnectionException", "io.vertx.core.http.HttpClosedException");

    private RestResponse<ErrorBody> answer(int status, ErrorCode code, String message, Map<String, Object> details) {
        ErrorBody body = ErrorBody.of(code, message, details, TraceIdFilter.traceId(request.getCurrent()));
        return RestResponse.ResponseBuilder.<ErrorBody> create(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    private static String messageFor(int status, WebApplicationException e) {
        return switch (status) {
            case 404 -> "no such resource";
            case 405 -> "this method is not allowed on this resource";
            case 406 -> "no acceptable representation of this resource";
            case 415 -> "unsupported content type";
            default -> status >= 500 ? "the request could not be completed"
                    : e.getMessage() == null ? "invalid request" : e.getMessage();
        };
    }

    /** The client's name of the offending field: the last bean or parameter node, in snake_case. */
    private static String fieldOf(Path path) {
        String field = "";
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.PARAMETER) {
                field = node.getName();
            }
        }
        return SNAKE.translate(field);
    }
}
