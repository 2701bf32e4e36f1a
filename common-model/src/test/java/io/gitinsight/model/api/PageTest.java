package io.gitinsight.model.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.gitinsight.model.json.Json;

class PageTest {

    @Test
    void describesAMiddlePage() throws Exception {
        Page<String> page = Page.of(List.of("c", "d"), 45, PageRequest.of(2, 20));

        String json = Json.mapper().writeValueAsString(page);

        assertThat(json).isEqualTo("{\"data\":[\"c\",\"d\"],\"pagination\":{\"total\":45,\"page\":2,"
                + "\"page_size\":20,\"total_pages\":3,\"has_next\":true,\"has_prev\":true}}");
    }

    @Test
    void describesAnEmptyList() {
        Pagination pagination = Pagination.of(0, PageRequest.of(null, null));

        assertThat(pagination).isEqualTo(new Pagination(0, 1, 20, 0, false, false));
    }

    @Test
    void lastPageHasNoNext() {
        assertThat(Pagination.of(40, PageRequest.of(2, 20)).hasNext()).isFalse();
        assertThat(PageRequest.of(3, 20).offset()).isEqualTo(40);
    }

    @Test
    void refusesOutOfRangeRequestsNamingTheField() {
        assertThatThrownBy(() -> PageRequest.of(0, 20)).isInstanceOf(InvalidParameterException.class)
                .extracting(e -> ((InvalidParameterException) e).field()).isEqualTo("page");
        assertThatThrownBy(() -> PageRequest.of(1, 101)).extracting(e -> ((InvalidParameterException) e).field())
                .isEqualTo("page_size");
        assertThatThrownBy(() -> PageRequest.of(1, -5)).isInstanceOf(InvalidParameterException.class);
    }
}
