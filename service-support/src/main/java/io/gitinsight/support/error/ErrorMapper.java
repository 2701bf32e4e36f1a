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

/**
 * The one place where an exception becomes an HTTP answer: the contract's error body with the right
 * status, never a stack trace. Unexpected failures are logged with the trace id the caller sees.
 */
public class ErrorMapper {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class);
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
            // JAX-RS answers a path or query parameter that does not convert with 404; the contract says 400
            return answer(400, ErrorCode.VALIDATION_ERROR, "invalid parameter: " + e.getCause().getMessage(),
                    Map.of("field", "parameter"));
        }
        if (status >= 500) {
            LOG.errorf(e, "request failed with %d", status);
        }
        return answer(status, ErrorCode.forStatus(status), messageFor(status, e), Map.of());
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> unexpected(Throwable e) {
        LOG.error("unexpected failure", e);
        return answer(500, ErrorCode.INTERNAL_SERVER_ERROR,
                "an unexpected error occurred; quote the trace id when reporting it", Map.of());
    }

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
