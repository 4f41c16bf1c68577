package nl.wijkroute.privacy.accesslog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.system.paging.PageParams;
import nl.wijkroute.system.paging.PageView;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the access log back: filtered lists for the privacy officer and the resident, and the chain check. */
@Service
public class AccessLogQueries {

    public record Filter(UUID householdId, UUID caseId, String username, Instant from, Instant to, Boolean breakGlass) {
    }

    public record Row(long id, Instant at, String username, String role, String organisation, UUID householdId,
                      UUID caseId, String category, String action, String purpose, String outcome, boolean breakGlass) {
    }

    /**
     * The outcome of walking the chain from the first entry: intact, or the first entry whose hash or
     * link does not match (an entry changed, removed or inserted out of turn).
     */
    public record Verification(boolean intact, long entries, Long firstBrokenId, String headHash) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    AccessLogQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Row> find(Filter filter, int limit, long offset) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        StringBuilder sql = new StringBuilder("select *").append(where(filter, parameters));
        sql.append(" order by id desc limit :limit offset :offset");
        parameters.addValue("limit", limit).addValue("offset", offset);
        return jdbc.query(sql.toString(), parameters, (row, n) -> row(row));
    }

    /** A page of the entries that match, newest first (the id is unique: pages neither repeat nor skip). */
    @Transactional(readOnly = true)
    public PageView<Row> page(Filter filter, PageParams paging) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        Long total = jdbc.queryForObject("select count(*)" + where(filter, parameters), parameters, Long.class);
        return PageView.of(find(filter, paging.size(), paging.offset()), paging, total == null ? 0 : total);
    }

    private static String where(Filter filter, MapSqlParameterSource parameters) {
        StringBuilder sql = new StringBuilder(" from access_log where true");
        if (filter.householdId() != null) {
            sql.append(" and household_id = :householdId");
            parameters.addValue("householdId", filter.householdId());
        }
        if (filter.caseId() != null) {
            sql.append(" and case_id = :caseId");
            parameters.addValue("caseId", filter.caseId());
        }
        if (filter.username() != null) {
            sql.append(" and username = :username");
            parameters.addValue("username", filter.username());
        }
        if (filter.from() != null) {
            sql.append(" and logged_at >= :from");
            parameters.addValue("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and logged_at < :to");
            parameters.addValue("to", Timestamp.from(filter.to()));
        }
        if (filter.breakGlass() != null) {
            sql.append(" and break_glass = :breakGlass");
            parameters.addValue("breakGlass", filter.breakGlass());
        }
        return sql.toString();
    }

    /**
     * Recomputes every entry's hash and link in id order, in the database (the same digest function the
     * chain trigger uses), and reports the first that does not match.
     */
    @Transactional(readOnly = true)
    public Verification verify() {
        Map<String, Object> result = jdbc.queryForMap("""
                with chain as (
                    select id, hash, access_log_digest(l) as recomputed, previous_hash,
                           lag(hash, 1, repeat('0', 64)::char(64)) over (order by id) as expected_previous
                    from access_log l)
                select count(*) as entries,
                       min(id) filter (where hash <> recomputed or previous_hash <> expected_previous) as first_broken,
                       (select hash from access_log order by id desc limit 1) as head
                from chain""", Map.of());
        Long broken = result.get("first_broken") == null ? null : ((Number) result.get("first_broken")).longValue();
        return new Verification(broken == null, ((Number) result.get("entries")).longValue(), broken,
                (String) result.get("head"));
    }

    private static Row row(ResultSet row) throws SQLException {
        return new Row(row.getLong("id"), row.getTimestamp("logged_at").toInstant(), row.getString("username"),
                row.getString("user_role"), row.getString("organisation"), row.getObject("household_id", UUID.class),
                row.getObject("case_id", UUID.class), row.getString("data_category"), row.getString("action"),
                row.getString("purpose"), row.getString("outcome"), row.getBoolean("break_glass"));
    }
}
