package io.gitinsight.query.service;

import java.util.stream.Collectors;

import io.gitinsight.query.domain.InsightView;

/**
 * The two export formats. CSV follows RFC 4180 (fields with a comma, quote or line break are quoted,
 * quotes doubled, CRLF line ends); {@code tags} are joined with {@code ;}, {@code data} is its JSON text.
 * A cell that a spreadsheet would run as a formula ({@code = + - @} first) is prefixed with a quote.
 */
public enum ExportFormat {
    CSV("text/csv; charset=utf-8", "csv"),
    JSON("application/json", "json");

    static final String CSV_HEADER = "id,repository_id,type,title,description,confidence_score,generated_at,"
            + "model_version,tags,data\r\n";

    private final String contentType;
    private final String extension;

    ExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    String header() {
        return this == CSV ? CSV_HEADER : "[";
    }

    String footer() {
        return this == CSV ? "" : "]";
    }

    String separator() {
        return this == CSV ? "" : ",";
    }

    String row(InsightView insight) {
        if (this == JSON) {
            return new String(JsonBytes.of(insight), java.nio.charset.StandardCharsets.UTF_8);
        }
        return String.join(",", insight.id().toString(), insight.repositoryId().toString(), cell(insight.type()),
                cell(insight.title()), cell(insight.description()), Double.toString(insight.confidenceScore()),
                insight.generatedAt().toString(), cell(insight.modelVersion()),
                cell(insight.tags().stream().collect(Collectors.joining(";"))), cell(insight.data())) + "\r\n";
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
