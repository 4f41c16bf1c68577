package nl.wijkroute.reflection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The priority order of a session from its scores: per theme n, median, mean, the distribution over 1..10
 * and the interquartile range; ordered by median, then mean (highest first: a high score means many
 * knelpunten). Never per person. A wide spread is a topic of its own ("verschil in beleving"); medians per
 * perspective only for groups at or above the dashboard's minimum group size (decision 0039). A theme scored
 * by fewer people than that minimum shows only its n: with two scorers each would read the other's scores
 * from the median or the distribution.
 */
final class ReflectionResults {

    /** An interquartile range of at least this many points is "verschil in beleving". */
    static final double LARGE_SPREAD = 4.0;

    /** One score, as the calculation needs it: no participant id. */
    record Score(ReflectionTheme theme, Perspective perspective, int score) {
    }

    record PerspectiveMedian(Perspective perspective, Double median, boolean suppressed) {
    }

    record ThemeResult(int rank, ReflectionTheme theme, String label, int n, Double median, Double mean,
                       List<Integer> distribution, Double interquartileRange, boolean verschilInBeleving,
                       List<PerspectiveMedian> perspectives, boolean suppressed) {
    }

    private ReflectionResults() {
    }

    static List<ThemeResult> compute(List<Score> scores, int minGroupSize) {
        Map<ReflectionTheme, List<Score>> byTheme = new EnumMap<>(ReflectionTheme.class);
        for (ReflectionTheme theme : ReflectionTheme.values()) {
            byTheme.put(theme, new ArrayList<>());
        }
        scores.forEach(score -> byTheme.get(score.theme()).add(score));
        List<ThemeResult> unranked = new ArrayList<>();
        byTheme.forEach((theme, themeScores) -> unranked.add(result(theme, themeScores, minGroupSize)));
        Comparator<ThemeResult> priority = Comparator
                .comparing((ThemeResult r) -> r.median() == null ? Double.NEGATIVE_INFINITY : r.median()).reversed()
                .thenComparing(Comparator.comparing((ThemeResult r) -> r.mean() == null ? Double.NEGATIVE_INFINITY : r.mean()).reversed())
                .thenComparing(ThemeResult::theme);
        unranked.sort(priority);
        List<ThemeResult> ranked = new ArrayList<>();
        for (int i = 0; i < unranked.size(); i++) {
            ThemeResult r = unranked.get(i);
            ranked.add(new ThemeResult(i + 1, r.theme(), r.label(), r.n(), r.median(), r.mean(), r.distribution(),
                    r.interquartileRange(), r.verschilInBeleving(), r.perspectives(), r.suppressed()));
        }
        return ranked;
    }

    private static ThemeResult result(ReflectionTheme theme, List<Score> themeScores, int minGroupSize) {
        double[] values = sorted(themeScores);
        if (values.length > 0 && values.length < minGroupSize) {
            return new ThemeResult(0, theme, theme.label(), values.length, null, null, null, null, false, List.of(), true);
        }
        Integer[] distribution = new Integer[10];
        Arrays.fill(distribution, 0);
        themeScores.forEach(score -> distribution[score.score() - 1]++);
        Double iqr = values.length == 0 ? null : percentile(values, 0.75) - percentile(values, 0.25);
        Map<Perspective, List<Score>> byPerspective = themeScores.stream()
                .collect(Collectors.groupingBy(Score::perspective, () -> new EnumMap<>(Perspective.class), Collectors.toList()));
        List<PerspectiveMedian> perspectives = byPerspective.entrySet().stream()
                .map(entry -> entry.getValue().size() < minGroupSize
                        ? new PerspectiveMedian(entry.getKey(), null, true)
                        : new PerspectiveMedian(entry.getKey(), percentile(sorted(entry.getValue()), 0.5), false))
                .toList();
        return new ThemeResult(0, theme, theme.label(), values.length,
                values.length == 0 ? null : percentile(values, 0.5),
                values.length == 0 ? null : Arrays.stream(values).average().orElseThrow(),
                List.of(distribution), iqr, iqr != null && iqr >= LARGE_SPREAD, perspectives, false);
    }

    private static double[] sorted(List<Score> scores) {
        return scores.stream().mapToDouble(Score::score).sorted().toArray();
    }

    /**
     * The percentile with linear interpolation between the closest ranks, as PostgreSQL's percentile_cont
     * (and the dashboard) computes it: position p·(n−1).
     */
    static double percentile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = (int) Math.ceil(position);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }
}
