package io.gitinsight.model.api;

/** A request parameter outside its allowed range; services answer it with 400 naming {@link #field()}. */
public class InvalidParameterException extends IllegalArgumentException {

    private final String field;

    public InvalidParameterException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
