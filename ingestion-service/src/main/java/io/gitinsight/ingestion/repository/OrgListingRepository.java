package io.gitinsight.ingestion.repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.ingestion.domain.DiscoveredRepository;
import io.gitinsight.ingestion.domain.OrgMember;
import io.gitinsight.model.api.Page;
import io.gitinsight.model.api.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Pages of an organization's imported repositories and members. {@code withPrivate} decides whether
 * private repositories and concealed members are part of the list (and of its total).
 */
@ApplicationScoped
public class OrgListingRepository {

    /** Sort keys a caller may name; ties are broken by GitHub's id so that pages never overlap. */
    public static final Map<String, String> REPOSITORY_ORDER = Map.of("name", "lower(name), github_id",
            "updated", "updated_at DESC NULLS LAST, github_id", "stars", "stars DESC, github_id");

    public record Counts(long repositories, long members) {
    }

    private final Pool pool;

    public OrgListingRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Page<DiscoveredRepository>> repositories(String org, boolean withPrivate, String sort, PageRequest page) {
        String order = REPOSITORY_ORDER.get(sort);
        if (order == null) {
            throw new IllegalArgumentException("unknown sort " + sort);
        }
        String where = " FROM ingestion.org_repositories WHERE org = $1 AND (NOT private OR $2)";
        return pool.preparedQuery("SELECT count(*) AS n" + where).execute(Tuple.of(org, withPrivate))
                .map(rows -> rows.iterator().next().getLong("n"))
                .chain(total -> pool.preparedQuery("SELECT *" + where + " ORDER BY " + order + " LIMIT $3 OFFSET $4")
                        .execute(Tuple.of(org, withPrivate, page.pageSize(), page.offset())).map(rows -> {
                            List<DiscoveredRepository> found = new ArrayList<>();
                            rows.forEach(row -> found.add(repository(row)));
                            return Page.of(found, total, page);
                        }));
    }

    public Uni<Page<OrgMember>> members(String org, boolean withConcealed, PageRequest page) {
        String where = " FROM ingestion.org_members WHERE org = $1 AND (public OR $2)";
        return pool.preparedQuery("SELECT count(*) AS n" + where).execute(Tuple.of(org, withConcealed))
                .map(rows -> rows.iterator().next().getLong("n"))
                .chain(total -> pool.preparedQuery("SELECT *" + where + " ORDER BY lower(login), github_id "
                        + "LIMIT $3 OFFSET $4").execute(Tuple.of(org, withConcealed, page.pageSize(), page.offset()))
                        .map(rows -> {
                            List<OrgMember> found = new ArrayList<>();
                            rows.forEach(row -> found.add(new OrgMember(row.getLong("github_id"), row.getString("login"),
                                    row.getString("avatar_url"), row.getString("role"), row.getBoolean("public"))));
                            return Page.of(found, total, page);
                        }));
    }

    /** How many repositories and members the caller would see. */
    public Uni<Counts> counts(String org, boolean withPrivate) {
        return pool.preparedQuery("SELECT (SELECT count(*) FROM ingestion.org_repositories WHERE org = $1 "
                + "AND (NOT private OR $2)) AS repositories, (SELECT count(*) FROM ingestion.org_members WHERE org = $1 "
                + "AND (public OR $2)) AS members").execute(Tuple.of(org, withPrivate)).map(rows -> {
                    Row row = rows.iterator().next();
                    return new Counts(row.getLong("repositories"), row.getLong("members"));
                });
    }

    private static DiscoveredRepository repository(Row row) {
        OffsetDateTime updated = row.getOffsetDateTime("updated_at");
        return new DiscoveredRepository(row.getLong("github_id"), row.getString("name"), row.getString("full_name"),
                row.getString("description"), row.getString("url"), row.getString("clone_url"), row.getString("language"),
                row.getLong("stars"), row.getLong("forks"), row.getBoolean("private"), row.getString("default_branch"),
                updated == null ? null : updated.toInstant());
    }
}
