package io.gitinsight.analysis.metrics.people;

import static io.gitinsight.analysis.metrics.git.HistoryBuilder.who;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.gitinsight.analysis.metrics.model.Identity;

class IdentityResolverTest {

    private static final IdentityResolver PLAIN = new IdentityResolver(null, null);

    @Test
    void mergesTheSameEmailWhateverItsCase() {
        Identity work = who("Ada Lovelace", "Ada@Example.com");
        Identity lower = who("ada", " ada@example.com ");

        Roster roster = PLAIN.resolve(List.of(work, work, lower), List.of());

        assertThat(roster.people()).containsExactly(
                new Person("ada@example.com", null, "Ada Lovelace", List.of("ada@example.com"), false));
        assertThat(roster.of(lower)).isSameAs(roster.of(work));
    }

    @Test
    void takesTheLoginOfBothNoreplyForms() {
        Identity withId = who("Grace", "1234+ghopper@users.noreply.github.com");
        Identity withoutId = who("Grace Hopper", "GHopper@users.noreply.github.com");

        Roster roster = PLAIN.resolve(List.of(withId, withoutId, withoutId), List.of());

        // without GitHub's word the spelling is the one the noreply addresses use most ("GHopper" twice)
        assertThat(roster.people()).containsExactly(new Person("GHopper", "GHopper", "Grace Hopper",
                List.of("1234+ghopper@users.noreply.github.com", "ghopper@users.noreply.github.com"), false));
    }

    @Test
    void joinsAnEmailGitHubKnowsToItsLoginSpelledAsGitHubSpellsIt() {
        IdentityResolver resolver = new IdentityResolver(Map.of("linus@corp.example", "Torvalds"), null);
        Identity corporate = who("L. T.", "linus@corp.example");
        Identity noreply = who("Linus", "99+torvalds@users.noreply.github.com");

        Roster roster = resolver.resolve(List.of(noreply, noreply, corporate), List.of("Torvalds", "TORVALDS",
                "Torvalds"));

        // GitHub's spellings (the map, the pull-request list) over the noreply one however often it occurs;
        // among them "Torvalds" 3 times, "TORVALDS" once
        assertThat(roster.people()).singleElement().satisfies(person -> {
            assertThat(person.key()).isEqualTo("Torvalds");
            assertThat(person.login()).isEqualTo("Torvalds");
            assertThat(person.emails()).containsExactly("99+torvalds@users.noreply.github.com", "linus@corp.example");
            assertThat(person.name()).isEqualTo("Linus");
        });
        assertThat(roster.byLogin("torvalds")).containsSame(roster.of(corporate));
    }

    @Test
    void joinsALoginlessIdentityToTheOneLoginCarryingItsName() {
        Identity noreply = who("Jane  Doe", "7+jdoe@users.noreply.github.com");
        Identity work = who("jane doe", "jane@corp.example");
        Identity handle = who("jdoe", "jd@home.example");

        Roster roster = PLAIN.resolve(List.of(noreply, work, handle), List.of());

        // "jane doe" has two words; "jdoe" is one word but equals the login
        assertThat(roster.people()).extracting(Person::key).containsExactly("jdoe");
        assertThat(roster.of(work).emails()).containsExactly("7+jdoe@users.noreply.github.com", "jane@corp.example",
                "jd@home.example");
    }

    @Test
    void keepsApartWhatOnlyAnAmbiguousOrWeakNameLinks() {
        Identity sam1 = who("Sam Lee", "1+samlee@users.noreply.github.com");
        Identity sam2 = who("Sam Lee", "2+slee@users.noreply.github.com");
        Identity samWork = who("Sam Lee", "sam@corp.example");
        Identity alex = who("Alex", "3+alexk@users.noreply.github.com");
        Identity otherAlex = who("alex", "alex@else.example");
        Identity pat1 = who("Pat Kim", "pat@one.example");
        Identity pat2 = who("Pat Kim", "pat@two.example");

        Roster roster = PLAIN.resolve(List.of(sam1, sam2, samWork, alex, otherAlex, pat1, pat2), List.of());

        // "Sam Lee" names two logins, "alex" is one word and not the login alexk, the Pats have no login
        assertThat(roster.people()).extracting(Person::key).containsExactly("alex@else.example", "alexk",
                "pat@one.example", "pat@two.example", "sam@corp.example", "samlee", "slee");
    }

    @Test
    void flagsBotsByNameByLoginAndByConfiguredIdentity() {
        IdentityResolver resolver = new IdentityResolver(null, Set.of("CI@Corp.example", "release-robot"));
        Identity dependabot = who("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com");
        Identity renamedApp = who("Updater", "41898282+github-actions[bot]@users.noreply.github.com");
        Identity namedBot = who("Snyk [Bot]", "snyk@corp.example");
        Identity ci = who("CI", "ci@corp.example");
        Identity robot = who("Release Robot", "5+release-robot@users.noreply.github.com");
        Identity human = who("Dependabot Fan", "fan@corp.example");

        Roster roster = resolver.resolve(List.of(dependabot, renamedApp, namedBot, ci, robot, human),
                List.of("renovate[bot]"));

        assertThat(roster.people()).filteredOn(Person::bot).extracting(Person::key).containsExactly(
                "ci@corp.example", "dependabot[bot]", "github-actions[bot]", "release-robot", "renovate[bot]",
                "snyk@corp.example");
        assertThat(roster.of(human).bot()).isFalse();
    }

    @Test
    void neverJoinsABotByName() {
        Identity bot = who("Build Bot [bot]", "bb@corp.example");
        Identity botWithLogin = who("Build Bot [bot]", "8+buildbot@users.noreply.github.com");
        Identity human = who("Build Bot", "builder@corp.example");

        Roster roster = PLAIN.resolve(List.of(bot, botWithLogin, human), List.of());

        assertThat(roster.people()).extracting(Person::key, Person::bot).containsExactly(
                tuple("bb@corp.example", true), tuple("buildbot", true), tuple("builder@corp.example", false));
    }

    @Test
    void knowsLoginOnlyPeopleAndRefusesStrangers() {
        Roster roster = PLAIN.resolve(List.of(), Arrays.asList("octocat", null, " "));

        assertThat(roster.people()).containsExactly(new Person("octocat", "octocat", "octocat", List.of(), false));
        assertThat(roster.byLogin("OctoCat")).isPresent();
        assertThat(roster.byLogin("hubot")).isEmpty();
        assertThatThrownBy(() -> roster.of(who("X", "x@example.com"))).hasMessageContaining("x@example.com");
    }
}
