package io.gitinsight.analysis.metrics.people;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gitinsight.analysis.metrics.model.Commit;
import io.gitinsight.analysis.metrics.model.Identity;
import io.gitinsight.analysis.metrics.model.PullRequest;
import io.gitinsight.analysis.metrics.model.Review;

/**
 * Who is who among a repository's git identities and GitHub logins (CONTRACT §4, contributors). Merged, in
 * this order:
 * <ol>
 * <li>the same email, ignoring case and surrounding blanks;</li>
 * <li>the same GitHub login, ignoring case. An email's login is what GitHub said (the {@code loginsByEmail}
 * map, e.g. from the commit authors it reports) or, failing that, its noreply address:
 * {@code 123+login@users.noreply.github.com} or {@code login@users.noreply.github.com};</li>
 * <li>the same name, only towards a login: a person without a login joins the one person with a login whose
 * identities (or login) carry the same normalized name (trimmed, blanks collapsed, lowercased). The name must
 * have two words or more, or equal that login; if its names point at two or more people with logins, it stays
 * apart. Bots never join by name.</li>
 * </ol>
 * Never merged: two people without logins who only share a name (two "Alex"es are common), and identities
 * that share nothing but a similar email. Bots: a name or login ending in {@code [bot]} (so a
 * {@code …[bot]@users.noreply.github.com} email too), or an email or login listed in {@code BOT_IDENTITIES};
 * one such identity makes the whole person a bot. An identity without an email stands for itself by name.
 * <p>
 * A person's key is their login, spelled as GitHub's API spells it (else as their noreply addresses do most
 * often, ties alphabetically), or without a login their only email; their name is the one their identities
 * use most often.
 */
public final class IdentityResolver {

    static final String EMAIL = "email:";
    static final String NAME = "name:";
    static final String LOGIN = "login:";

    private static final Pattern NOREPLY = Pattern.compile("^(?:\\d+\\+)?([^@+\\s]+)@users\\.noreply\\.github\\.com$",
            Pattern.CASE_INSENSITIVE);
    private static final String BOT_SUFFIX = "[bot]";

    private final Map<String, String> loginsByEmail = new HashMap<>();
    private final Set<String> botIdentities = new HashSet<>();

    /**
     * @param loginsByEmail what GitHub says an email's login is (may be null or empty)
     * @param botIdentities {@code BOT_IDENTITIES}: emails or logins of bots (may be null or empty)
     */
    public IdentityResolver(Map<String, String> loginsByEmail, Collection<String> botIdentities) {
        if (loginsByEmail != null) {
            loginsByEmail.forEach((email, login) -> {
                if (email != null && login != null && !login.isBlank()) {
                    this.loginsByEmail.put(normalizeEmail(email), login.trim());
                }
            });
        }
        if (botIdentities != null) {
            botIdentities.stream().filter(b -> b != null && !b.isBlank())
                    .forEach(b -> this.botIdentities.add(b.trim().toLowerCase(Locale.ROOT)));
        }
    }

    /** The people of a repository: commit authors and co-authors, pull-request authors and reviewers. */
    public Roster resolve(List<Commit> history, List<PullRequest> pulls, List<Review> reviews) {
        List<Identity> identities = new ArrayList<>();
        for (Commit commit : history) {
            identities.add(commit.author());
            identities.addAll(commit.coAuthors());
        }
        List<String> logins = new ArrayList<>();
        pulls.forEach(pull -> logins.add(pull.author()));
        reviews.forEach(review -> logins.add(review.reviewer()));
        return resolve(identities, logins);
    }

    /**
     * @param identities every occurrence (repeats make a name the person's usual one)
     * @param logins GitHub logins seen without an email (authors of pull requests, reviewers); nulls ignored
     */
    public Roster resolve(Collection<Identity> identities, Collection<String> logins) {
        Groups groups = new Groups();
        Map<String, Map<String, Integer>> namesByNode = new HashMap<>();
        Map<String, Spellings> spellings = new HashMap<>();
        for (Identity identity : identities) {
            String node = nodeOf(identity);
            groups.add(node);
            if (!identity.name().isBlank()) {
                namesByNode.computeIfAbsent(node, n -> new HashMap<>()).merge(identity.name().trim(), 1, Integer::sum);
            }
            loginOf(identity.email()).ifPresent(login -> {
                String loginNode = LOGIN + login.toLowerCase(Locale.ROOT);
                boolean fromGitHub = loginsByEmail.containsKey(normalizeEmail(identity.email()));
                spellings.computeIfAbsent(loginNode, n -> new Spellings()).seen(login, fromGitHub);
                groups.join(node, loginNode);
            });
        }
        for (String login : logins) {
            if (login != null && !login.isBlank()) {
                String loginNode = LOGIN + login.trim().toLowerCase(Locale.ROOT);
                spellings.computeIfAbsent(loginNode, n -> new Spellings()).seen(login.trim(), true);
                groups.add(loginNode);
            }
        }
        joinByName(groups, namesByNode);
        return new Roster(people(groups, namesByNode, spellings));
    }

    private void joinByName(Groups groups, Map<String, Map<String, Integer>> namesByNode) {
        Map<String, List<String>> clusters = clusters(groups);
        Map<String, Set<String>> loginClustersByName = new HashMap<>();
        for (Map.Entry<String, List<String>> cluster : clusters.entrySet()) {
            Optional<String> login = loginNode(cluster.getValue()).map(n -> n.substring(LOGIN.length()));
            if (login.isEmpty() || isBot(cluster.getValue(), namesByNode)) {
                continue;
            }
            Set<String> names = new HashSet<>(normalizedNames(cluster.getValue(), namesByNode));
            names.add(login.get());
            for (String name : names) {
                if (name.contains(" ") || name.equals(login.get())) {
                    loginClustersByName.computeIfAbsent(name, n -> new TreeSet<>()).add(cluster.getKey());
                }
            }
        }
        for (Map.Entry<String, List<String>> cluster : clusters.entrySet()) {
            if (loginNode(cluster.getValue()).isPresent() || isBot(cluster.getValue(), namesByNode)) {
                continue;
            }
            Set<String> targets = new TreeSet<>();
            normalizedNames(cluster.getValue(), namesByNode)
                    .forEach(name -> targets.addAll(loginClustersByName.getOrDefault(name, Set.of())));
            if (targets.size() == 1) {
                groups.join(cluster.getKey(), targets.iterator().next());
            }
        }
    }

    private Map<String, Person> people(Groups groups, Map<String, Map<String, Integer>> namesByNode,
            Map<String, Spellings> spellings) {
        Map<String, Person> byNode = new HashMap<>();
        for (List<String> nodes : clusters(groups).values()) {
            Optional<String> login = loginNode(nodes).map(n -> spellings.get(n).best());
            List<String> emails = nodes.stream().filter(n -> n.startsWith(EMAIL)).map(n -> n.substring(EMAIL.length()))
                    .sorted().toList();
            Map<String, Integer> nameCounts = new HashMap<>();
            nodes.forEach(n -> namesByNode.getOrDefault(n, Map.of()).forEach((name, c) -> nameCounts.merge(name, c,
                    Integer::sum)));
            String key = login.orElseGet(() -> emails.isEmpty() ? nameKey(nodes) : emails.get(0));
            String name = nameCounts.entrySet().stream()
                    .min(Comparator.comparing((Map.Entry<String, Integer> e) -> -e.getValue())
                            .thenComparing(Map.Entry::getKey))
                    .map(Map.Entry::getKey).orElse(key);
            Person person = new Person(key, login.orElse(null), name, emails, isBot(nodes, namesByNode));
            nodes.forEach(node -> byNode.put(node, person));
        }
        return byNode;
    }

    private boolean isBot(List<String> nodes, Map<String, Map<String, Integer>> namesByNode) {
        for (String node : nodes) {
            String value = node.substring(node.indexOf(':') + 1);
            if (node.startsWith(LOGIN) && (value.endsWith(BOT_SUFFIX) || botIdentities.contains(value))
                    || node.startsWith(EMAIL) && botIdentities.contains(value)) {
                return true;
            }
            if (namesByNode.getOrDefault(node, Map.of()).keySet().stream()
                    .anyMatch(name -> name.toLowerCase(Locale.ROOT).endsWith(BOT_SUFFIX))) {
                return true;
            }
        }
        return false;
    }

    private Optional<String> loginOf(String email) {
        String normalized = normalizeEmail(email);
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        String known = loginsByEmail.get(normalized);
        if (known != null) {
            return Optional.of(known);
        }
        Matcher noreply = NOREPLY.matcher(email.trim());
        return noreply.matches() ? Optional.of(noreply.group(1)) : Optional.empty();
    }

    static String nodeOf(Identity identity) {
        String email = normalizeEmail(identity.email());
        return email.isEmpty() ? NAME + normalizeName(identity.name()) : EMAIL + email;
    }

    private static Map<String, List<String>> clusters(Groups groups) {
        Map<String, List<String>> clusters = new TreeMap<>();
        for (String node : groups.nodes()) {
            clusters.computeIfAbsent(groups.root(node), r -> new ArrayList<>()).add(node);
        }
        clusters.values().forEach(nodes -> nodes.sort(Comparator.naturalOrder()));
        return clusters;
    }

    private static Optional<String> loginNode(List<String> nodes) {
        return nodes.stream().filter(n -> n.startsWith(LOGIN)).findFirst();
    }

    private static List<String> normalizedNames(List<String> nodes, Map<String, Map<String, Integer>> namesByNode) {
        return nodes.stream().flatMap(n -> namesByNode.getOrDefault(n, Map.of()).keySet().stream())
                .map(IdentityResolver::normalizeName).filter(name -> !name.isEmpty()).distinct().toList();
    }

    private static String nameKey(List<String> nodes) {
        String name = nodes.get(0).substring(NAME.length());
        return name.isEmpty() ? "unknown" : name;
    }

    private static String normalizeEmail(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * How a login was written: GitHub's API spells it the way its owner does, a noreply address as it was
     * typed once. GitHub's spellings win, then the most frequent, then the alphabetically first.
     */
    private static final class Spellings {
        private final Map<String, Integer> fromGitHub = new TreeMap<>();
        private final Map<String, Integer> fromNoreply = new TreeMap<>();

        void seen(String spelling, boolean byGitHub) {
            (byGitHub ? fromGitHub : fromNoreply).merge(spelling, 1, Integer::sum);
        }

        String best() {
            Map<String, Integer> candidates = fromGitHub.isEmpty() ? fromNoreply : fromGitHub;
            return candidates.entrySet().stream()
                    .min(Comparator.comparing((Map.Entry<String, Integer> e) -> -e.getValue())
                            .thenComparing(Map.Entry::getKey))
                    .orElseThrow().getKey();
        }
    }

    static String normalizeName(String name) {
        return name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
