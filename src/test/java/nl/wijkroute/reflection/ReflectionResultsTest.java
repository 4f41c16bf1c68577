package nl.wijkroute.reflection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The priority order and spread on small score sets computed by hand. */
class ReflectionResultsTest {

    @Test
    void priorityIsByMedianThenMeanWithNAndDistribution() {
        List<ReflectionResults.Score> scores = new ArrayList<>();
        // Samenspel 8, 8, 9, 3: sorted 3 8 8 9 -> median 8, mean 7.0
        add(scores, ReflectionTheme.SAMENSPEL, Perspective.UITVOERING, 8, 8, 9);
        add(scores, ReflectionTheme.SAMENSPEL, Perspective.BELEID, 3);
        // Slim geld 8, 8, 8, 8: median 8, mean 8.0 -> same median as Samenspel, higher mean, so first
        add(scores, ReflectionTheme.SLIM_GELD, Perspective.UITVOERING, 8, 8, 8);
        add(scores, ReflectionTheme.SLIM_GELD, Perspective.BELEID, 8);
        // Regelruimte 1, 2, 10, 10: sorted 1 2 10 10 -> median 6, mean 5.75;
        // Q1 at 0.75 -> 1.75, Q3 at 2.25 -> 10, IQR 8.25: verschil in beleving
        add(scores, ReflectionTheme.REGELRUIMTE, Perspective.UITVOERING, 1, 10, 10);
        add(scores, ReflectionTheme.REGELRUIMTE, Perspective.BELEID, 2);

        List<ReflectionResults.ThemeResult> results = ReflectionResults.compute(scores, 3);

        assertThat(results).extracting(ReflectionResults.ThemeResult::theme).startsWith(
                ReflectionTheme.SLIM_GELD, ReflectionTheme.SAMENSPEL, ReflectionTheme.REGELRUIMTE);
        assertThat(results).extracting(ReflectionResults.ThemeResult::rank).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        ReflectionResults.ThemeResult samenspel = results.get(1);
        assertThat(samenspel.n()).isEqualTo(4);
        assertThat(samenspel.median()).isEqualTo(8.0);
        assertThat(samenspel.mean()).isEqualTo(7.0);
        assertThat(samenspel.distribution()).containsExactly(0, 0, 1, 0, 0, 0, 0, 2, 1, 0);
        // Q1 at 0.75: 3 + 0.75 * (8 - 3) = 6.75; Q3 at 2.25: 8 + 0.25 * (9 - 8) = 8.25; IQR 1.5
        assertThat(samenspel.interquartileRange()).isEqualTo(1.5);
        assertThat(samenspel.verschilInBeleving()).isFalse();

        ReflectionResults.ThemeResult regelruimte = results.get(2);
        assertThat(regelruimte.median()).isEqualTo(6.0);
        assertThat(regelruimte.mean()).isEqualTo(5.75);
        assertThat(regelruimte.interquartileRange()).isEqualTo(8.25);
        assertThat(regelruimte.verschilInBeleving()).isTrue();

        // Themes nobody scored come last, in the tool's order, without numbers.
        ReflectionResults.ThemeResult unscored = results.get(3);
        assertThat(unscored.theme()).isEqualTo(ReflectionTheme.BOTSENDE_WAARDEN);
        assertThat(unscored.n()).isZero();
        assertThat(unscored.median()).isNull();
        assertThat(unscored.verschilInBeleving()).isFalse();
    }

    @Test
    void perspectiveMediansOnlyForGroupsAtTheMinimumGroupSize() {
        List<ReflectionResults.Score> scores = new ArrayList<>();
        add(scores, ReflectionTheme.SAMENSPEL, Perspective.UITVOERING, 4, 6, 9);
        add(scores, ReflectionTheme.SAMENSPEL, Perspective.BELEID, 2, 10);

        ReflectionResults.ThemeResult samenspel = ReflectionResults.compute(scores, 3).stream()
                .filter(result -> result.theme() == ReflectionTheme.SAMENSPEL).findFirst().orElseThrow();

        assertThat(samenspel.perspectives()).containsExactly(
                new ReflectionResults.PerspectiveMedian(Perspective.UITVOERING, 6.0, false),
                new ReflectionResults.PerspectiveMedian(Perspective.BELEID, null, true));
        assertThat(samenspel.median()).isEqualTo(6.0);
    }

    /** Two scorers with a minimum group of 3: a median or distribution would tell each the other's scores. */
    @Test
    void aThemeScoredByFewerThanTheMinimumGroupShowsOnlyItsN() {
        List<ReflectionResults.Score> scores = new ArrayList<>();
        add(scores, ReflectionTheme.SAMENSPEL, Perspective.UITVOERING, 2);
        add(scores, ReflectionTheme.SAMENSPEL, Perspective.INWONER, 9);

        ReflectionResults.ThemeResult samenspel = ReflectionResults.compute(scores, 3).stream()
                .filter(result -> result.theme() == ReflectionTheme.SAMENSPEL).findFirst().orElseThrow();

        assertThat(samenspel.suppressed()).isTrue();
        assertThat(samenspel.n()).isEqualTo(2);
        assertThat(samenspel.median()).isNull();
        assertThat(samenspel.mean()).isNull();
        assertThat(samenspel.distribution()).isNull();
        assertThat(samenspel.interquartileRange()).isNull();
        assertThat(samenspel.perspectives()).isEmpty();
    }

    private static void add(List<ReflectionResults.Score> scores, ReflectionTheme theme, Perspective perspective, int... values) {
        for (int value : values) {
            scores.add(new ReflectionResults.Score(theme, perspective, value));
        }
    }
}
