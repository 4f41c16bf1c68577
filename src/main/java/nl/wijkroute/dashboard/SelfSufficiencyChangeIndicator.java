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
    private static final String SQL_FILTERED = sql("materialized", DashboardQueries.SCOPE_WHEN_FILTERED.formatted("a.case_id"));
    private static final String SQL_ALL_TEAMS = sql("not materialized", "where true\n");
    /**
     * One team (and perhaps a wijk): the cells' copy of their case's team and wijk (V76, decision 0066) makes the team's
     * cells one index range of their own (24,000 cells of a year for one team at 1 M cases, where every team's 470,000
     * were read and checked against the team's cases); nothing to check per cell, so read twice as for all teams.
     */
    private static final String SQL_TEAM = sql("not materialized",
            "where a.team_id = :team and (cast(:wijk as varchar) is null or a.wijk_id = :wijk)\n");

    /**
     * The statement, with the period's cells in {@code scope} read once and held ({@code materialized}) or read twice
     * ({@code not materialized}). Why both: with a team or wijk each cell of the period is checked against the
     * chosen cases (a hash of the team's case ids probed by every cell in the index range), which is best done once;
     * for all teams there is no check, and two plain index ranges, one counted per pair and one hashed per case, in
     * parallel where the planner likes, beat holding 108,000 cells (at 1 M cases, 90 days: 185 against 236 ms in one
     * session, decision 0062).
     */
    private static String sql(String materialization, String scope) {
        return ReportingViews.sql("""
                with cells as %s (
                    select a.case_id, a.leefgebied, a.first_score, a.latest_score
                    from {leefgebied_cell} a
                """.formatted(materialization) + scope + """
                      and a.scores >= 2 and a.latest_at >= :from and a.latest_at < :to
                ), cases as (
                    select leefgebied, count(*) as cases
                    from (select leefgebied, case_id from cells group by leefgebied, case_id) per_case
                    group by leefgebied
                )
                select p.leefgebied, k.cases, p.first_score, p.latest_score, count(*) as cells
                from cells p join cases k on k.leefgebied = p.leefgebied
                group by p.leefgebied, k.cases, p.first_score, p.latest_score
                order by p.leefgebied, p.first_score, p.latest_score
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
                    .add(rs.getLong("cases"), rs.getInt("first_score"), rs.getInt("latest_score"), rs.getLong("cells"));
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

        void add(long cases, int firstScore, int latestScore, long cells) {
            this.cases = cases;
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
