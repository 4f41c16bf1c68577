package nl.wijkroute.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.wijkroute.household.Leefgebied;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outcome indicator "zelfredzaamheid: verandering per leefgebied" (issue 16, item 5): per leefgebied, over
 * every member's cell that was scored at least twice (at vraagverheldering and again, normally at an
 * evaluatie) and whose latest score falls in the period, the median of the first score, of the latest and
 * of the change. A leefgebied with fewer cases than the minimum group is suppressed. Definition:
 * docs/dashboard-indicators.md. Kept apart from {@link DashboardQueries} so the outcome indicators of one
 * item stay in one place.
 */
@Service
public class SelfSufficiencyChangeIndicator {

    /**
     * Reads the assessment module's cells ({@link ReportingViews}, issue 19): per member and leefgebied the first and
     * the latest score, when the latest was given and how many scores there are, kept by a trigger on the scores
     * (V68, decision 0062). A cell counts when its latest score lies in the period and it was scored at least twice,
     * which is what the indicator asked of every score's history before, read from one index range instead of a
     * probe per cell (issue 14). Returned as how many cells went from each first to each latest score (at most 25
     * pairs per leefgebied, scores are 1–5), with the leefgebied's cases: the medians follow exactly from those
     * counts ({@link #percentileCont}), without sorting every cell three times.
     */
    private static final String SQL_FILTERED = sql(DashboardQueries.SCOPE_WHEN_FILTERED.formatted("a.case_id"));
    private static final String SQL_ALL_TEAMS = sql("where true\n");
    /**
     * One team (and perhaps a wijk): the cells' copy of their case's team and wijk (V76, decision 0066) makes the team's
     * cells one index range of their own (24,000 cells of a year for one team at 1 M cases, where every team's 470,000
     * were read and checked against the team's cases).
     */
    private static final String SQL_TEAM = sql("where a.team_id = :team and (cast(:wijk as varchar) is null or a.wijk_id = :wijk)\n");

    /**
     * The statement for the period's cells in {@code scope}: one pass, counted per leefgebied and pair. Why the cases
     * need no grouping per case (decision 0066): each re-scored cell carries the time of the re-scored cell of its case
     * and leefgebied just before it ({@code earlier_at}, kept by the assessment module's trigger, V76; ties ordered by
     * member), so of a case's cells in the period exactly one, the first, has none or one before the period's start.
     * Grouping the period's cells per leefgebied and case (108,000 for all teams over 90 days at 1 M cases, hashed) was
     * most of the call; the check on the case for a wijk keeps every cell of a case together, as a team's copy does.
     */
    private static String sql(String scope) {
        return ReportingViews.sql("""
                select a.leefgebied, a.first_score, a.latest_score, count(*) as cells,
                       count(*) filter (where a.earlier_at is null or a.earlier_at < :from) as first_cells
                from {leefgebied_cell} a
                """ + scope + """
                  and a.scores >= 2 and a.latest_at >= :from and a.latest_at < :to
                group by a.leefgebied, a.first_score, a.latest_score
                order by a.leefgebied, a.first_score, a.latest_score
                """);
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final DashboardService dashboard;

    SelfSufficiencyChangeIndicator(NamedParameterJdbcTemplate jdbc, DashboardService dashboard) {
        this.jdbc = jdbc;
        this.dashboard = dashboard;
    }

    /** One row per leefgebied with re-scored cells in the period; numbers left out where the group is small. */
    @Transactional(readOnly = true)
    public List<SelfSufficiencyChange> changes(DashboardFilter filter) {
        // Planned for these values, as every dashboard call: a generic plan could not drop the check on the case for
        // all teams.
        MapSqlParameterSource parameters = DashboardQueries.forCall(jdbc, filter);
        Map<String, Cells> perLeefgebied = new LinkedHashMap<>(); // in the statement's order of leefgebied
        String sql = filter.team() != null ? SQL_TEAM : filter.wijk() == null ? SQL_ALL_TEAMS : SQL_FILTERED;
        jdbc.query(sql, parameters, rs -> {
            perLeefgebied.computeIfAbsent(rs.getString("leefgebied"), key -> new Cells())
                    .add(rs.getLong("first_cells"), rs.getInt("first_score"), rs.getInt("latest_score"), rs.getLong("cells"));
        });
        List<SelfSufficiencyChange> changes = new ArrayList<>();
        perLeefgebied.forEach((name, cells) -> {
            Leefgebied leefgebied = Leefgebied.valueOf(name);
            if (cells.cases < dashboard.minGroupSize()) {
                changes.add(new SelfSufficiencyChange(leefgebied, null, null, null, null, null, null, null, true));
            } else {
                changes.add(new SelfSufficiencyChange(leefgebied, cells.cases, cells.count, percentileCont(0.5, cells.first),
                        percentileCont(0.5, cells.latest), percentileCont(0.5, cells.change), cells.improved,
                        cells.worsened, false));
            }
        });
        return changes;
    }

    /** One leefgebied's re-scored cells, counted per first score, latest score and change. */
    private static final class Cells {
        long cases;
        long count;
        long improved;
        long worsened;
        final SortedMap<Integer, Long> first = new TreeMap<>();
        final SortedMap<Integer, Long> latest = new TreeMap<>();
        final SortedMap<Integer, Long> change = new TreeMap<>();

        /** {@code firstCells}: the pair's cells that are their case's first in the period (one per case and leefgebied). */
        void add(long firstCells, int firstScore, int latestScore, long cells) {
            cases += firstCells;
            count += cells;
            first.merge(firstScore, cells, Long::sum);
            latest.merge(latestScore, cells, Long::sum);
            change.merge(latestScore - firstScore, cells, Long::sum);
            if (latestScore > firstScore) {
                improved += cells;
            } else if (latestScore < firstScore) {
                worsened += cells;
            }
        }
    }

    /** PostgreSQL's {@code percentile_cont(fraction)} over the values a histogram holds (value → how many). */
    static double percentileCont(double fraction, SortedMap<Integer, Long> histogram) {
        long n = histogram.values().stream().mapToLong(Long::longValue).sum();
        return PercentileCont.of(fraction, n, row -> valueAt(histogram, row));
    }

    /** The value of the row at {@code row} (from 0) when the histogram's values are listed in ascending order. */
    private static double valueAt(SortedMap<Integer, Long> histogram, long row) {
        long seen = 0;
        for (Map.Entry<Integer, Long> entry : histogram.entrySet()) {
            seen += entry.getValue();
            if (row < seen) {
                return entry.getKey();
            }
        }
        throw new IllegalArgumentException("row " + row + " of " + seen);
    }

    /**
     * The change on one leefgebied: how many cases and member-cells were scored again, the medians of the first
     * score, the latest score and the change (latest minus first, on the 1–5 scale), and how many cells went up
     * or down. All numbers null when {@code suppressed}.
     */
    public record SelfSufficiencyChange(Leefgebied leefgebied, Long cases, Long members, Double medianStart, Double medianLatest,
                         Double medianChange, Long improved, Long worsened, boolean suppressed) {
    }
}
