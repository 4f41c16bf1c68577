package nl.wijkroute.dashboard;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
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

    /** Reads the assessment history through the owners' reporting views ({@link ReportingViews}, issue 19). */
    private static final String SQL = ReportingViews.sql("""
            with period as (
                -- Why start from the period's scores: only a cell's latest score can put it in the period, so
                -- the cells are found by an index on the time instead of windowing every score ever given
                -- (issue 14, decision 0055). "Latest" and "first" are by seq, among the scores given.
                select a.case_id, a.member_id, a.leefgebied, max(a.seq) as seq
                from {leefgebied_score} a
            """ + DashboardQueries.SCOPE_WHEN_FILTERED.formatted("a.case_id") + """
                  and a.score is not null and a.assessed_at >= :from and a.assessed_at < :to
                group by a.case_id, a.member_id, a.leefgebied
            ), cells as (
                -- One probe per cell reads all its scores (issue 14): the cell counts when its latest score
                -- is the period's latest of it (seq is an identity, one per score) and it has an earlier one;
                -- a cell scored only once drops out.
                select p.case_id, p.leefgebied, h.start_score, h.latest_score
                from period p
                cross join lateral (select (array_agg(s.score order by s.seq))[1] as start_score,
                                           (array_agg(s.score order by s.seq desc))[1] as latest_score,
                                           max(s.seq) as last_seq, count(*) as scores
                                    from {leefgebied_score} s
                                    where s.case_id = p.case_id and s.member_id = p.member_id
                                      and s.leefgebied = p.leefgebied and s.score is not null) h
                where h.last_seq = p.seq and h.scores >= 2
            )
            select leefgebied, count(distinct case_id) as cases, count(*) as cells,
                   percentile_cont(0.5) within group (order by start_score) as median_start,
                   percentile_cont(0.5) within group (order by latest_score) as median_latest,
                   percentile_cont(0.5) within group (order by latest_score - start_score) as median_change,
                   count(*) filter (where latest_score > start_score) as improved,
                   count(*) filter (where latest_score < start_score) as worsened
            from cells
            group by leefgebied
            order by leefgebied
            """);

    private final NamedParameterJdbcTemplate jdbc;
    private final DashboardService dashboard;

    SelfSufficiencyChangeIndicator(NamedParameterJdbcTemplate jdbc, DashboardService dashboard) {
        this.jdbc = jdbc;
        this.dashboard = dashboard;
    }

    /** One row per leefgebied with re-scored cells in the period; numbers left out where the group is small. */
    @Transactional(readOnly = true)
    public List<SelfSufficiencyChange> changes(DashboardFilter filter) {
        // Planned for these values, as every dashboard call (DashboardQueries#forCall): a generic plan could
        // not drop the check on the case for all teams.
        jdbc.getJdbcOperations().execute("set local plan_cache_mode = force_custom_plan");
        MapSqlParameterSource parameters = new MapSqlParameterSource(Map.of("from", Timestamp.from(filter.from()),
                "to", Timestamp.from(filter.to())))
                .addValue("team", filter.team())
                .addValue("wijk", filter.wijk());
        return jdbc.query(SQL, parameters, (rs, i) -> {
            long cases = rs.getLong("cases");
            Leefgebied leefgebied = Leefgebied.valueOf(rs.getString("leefgebied"));
            if (cases < dashboard.minGroupSize()) {
                return new SelfSufficiencyChange(leefgebied, null, null, null, null, null, null, null, true);
            }
            return new SelfSufficiencyChange(leefgebied, cases, rs.getLong("cells"), rs.getDouble("median_start"),
                    rs.getDouble("median_latest"), rs.getDouble("median_change"), rs.getLong("improved"),
                    rs.getLong("worsened"), false);
        });
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
