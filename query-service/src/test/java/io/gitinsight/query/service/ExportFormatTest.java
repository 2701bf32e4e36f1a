package io.gitinsight.query.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExportFormatTest {

    @Test
    void quotesCellsAsRfc4180Requires() {
        assertThat(ExportFormat.cell("plain")).isEqualTo("plain");
        assertThat(ExportFormat.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(ExportFormat.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ExportFormat.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(ExportFormat.cell(null)).isEmpty();
    }

    @Test
    void defusesCellsASpreadsheetWouldRunAsFormulas() {
        assertThat(ExportFormat.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ExportFormat.cell("+1")).isEqualTo("'+1");
        assertThat(ExportFormat.cell("-1")).isEqualTo("'-1");
        assertThat(ExportFormat.cell("@sum")).isEqualTo("'@sum");
    }
}
