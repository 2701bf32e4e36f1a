package io.gitinsight.ingestion.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import graphql.validation.Validator;

/** The documents sent to GitHub, validated against GitHub's own schema (octokit/graphql-schema's SDL). */
class PullRequestQueriesTest {

    private static GraphQLSchema github;

    @BeforeAll
    static void loadGitHubsSchema() throws Exception {
        try (Reader sdl = new InputStreamReader(PullRequestQueriesTest.class.getResourceAsStream(
                "/github/graphql/schema.graphql"), StandardCharsets.UTF_8)) {
            github = UnExecutableSchemaGenerator.makeUnExecutableSchema(withoutRepeatedFields(new SchemaParser().parse(sdl)));
        }
    }

    /**
     * The published SDL declares two fields of {@code EnterpriseOwnerInfo} twice, word for word; graphql-java
     * refuses that, so the second copy is dropped here (the file itself stays as GitHub publishes it).
     */
    private static TypeDefinitionRegistry withoutRepeatedFields(TypeDefinitionRegistry registry) {
        for (ObjectTypeDefinition type : registry.getTypes(ObjectTypeDefinition.class)) {
            Map<String, FieldDefinition> unique = new LinkedHashMap<>();
            type.getFieldDefinitions().forEach(field -> unique.putIfAbsent(field.getName(), field));
            if (unique.size() < type.getFieldDefinitions().size()) {
                registry.remove(type);
                registry.add(type.transform(builder -> builder.fieldDefinitions(new ArrayList<>(unique.values()))));
            }
        }
        return registry;
    }

    @Test
    void everyDocumentIsValidAgainstGitHubsSchema() {
        assertThat(PullRequestQueries.ALL).hasSize(4).allSatisfy(document -> assertThat(validate(document))
                .as(document.lines().findFirst().orElse("")).isEmpty());
    }

    @Test
    void theValidationCatchesAFieldGitHubDoesNotHave() {
        String misspelt = PullRequestQueries.COMMITS.replace("authoredDate", "authoredAt");

        assertThat(validate(misspelt)).extracting(ValidationError::getDescription)
                .anySatisfy(message -> assertThat(message).contains("authoredAt"));
    }

    @Test
    void nestedPagesStayWithinGitHubsLimits() {
        // GitHub refuses first > 100 and more than 500,000 possible nodes: 100 pull requests × 20 reviews ×
        // 10 comments = 20,000 at the largest page size allowed
        assertThat(List.of(PullRequestQueries.NESTED_COMMITS, PullRequestQueries.NESTED_REVIEWS,
                PullRequestQueries.NESTED_COMMENTS, PullRequestQueries.FOLLOW_UP_PAGE)).allMatch(n -> n <= 100);
        assertThat(100L * PullRequestQueries.NESTED_REVIEWS * PullRequestQueries.NESTED_COMMENTS).isEqualTo(20_000);
    }

    private static List<ValidationError> validate(String document) {
        return new Validator().validateDocument(github, Parser.parse(document), Locale.ENGLISH);
    }
}
