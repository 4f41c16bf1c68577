package nl.wijkroute.privacy.accesslog;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import nl.wijkroute.system.paging.PageParams;
import nl.wijkroute.system.paging.PageView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the access log back: filtered lists for the privacy officer and the resident, and the chain check. */
@Service
public class AccessLogQueries {

    public record Filter(UUID householdId, UUID caseId, String username, Instant from, Instant to, Boolean breakGlass) {
    }

    /** An entry; a list request's entry names every household and case it showed in the two lists. */
    public record Row(long id, Instant at, String username, String role, String organisation, UUID householdId,
                      UUID caseId, String category, String action, String purpose, String outcome, boolean breakGlass,
                      List<UUID> householdIds, List<UUID> caseIds) {
    }

    /**
     * The outcome of walking the chain of sealed entries from the first: intact, or the first entry whose
     * hash or link does not match (an entry changed, removed or inserted out of turn); how many entries
     * still wait for the sealer; and whether the newest seal exported outside the table is still in the
     * chain (when it is not, the end of the log was cut off or rewritten).
     */
    public record Verification(boolean intact, long entries, Long firstBrokenId, String headHash, Long headPosition,
                               long unsealed, AccessLogSealer.Seal exportedSeal, Boolean exportedSealFound) {
    }

    private static final int EXPORT_FETCH_SIZE = 500;

    private final NamedParameterJdbcTemplate jdbc;
    /** The same connections, with a fetch size: only the export reads this many rows. */
    private final NamedParameterJdbcTemplate streaming;

    AccessLogQueries(NamedParameterJdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(EXPORT_FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(cursor);
    }

    @Transactional(readOnly = true)
    public List<Row> find(Filter filter, int limit, long offset) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        String sql = "select *" + where(filter, parameters) + " order by id desc limit :limit offset :offset";
        parameters.addValue("limit", limit).addValue("offset", offset);
        return jdbc.query(sql, parameters, (row, n) -> narrowed(row(row), filter));
    }

    /** A page of the entries that match, newest first (the id is unique: pages neither repeat nor skip). */
    @Transactional(readOnly = true)
    public PageView<Row> page(Filter filter, PageParams paging) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        Long total = jdbc.queryForObject("select count(*)" + where(filter, parameters), parameters, Long.class);
        return PageView.of(find(filter, paging.size(), paging.offset()), paging, total == null ? 0 : total);
    }

    /**
     * Hands the matching entries, newest first and at most {@code limit}, one by one to {@code sink}
     * without holding them: inside the read-only transaction PostgreSQL's driver reads a cursor
     * {@value #EXPORT_FETCH_SIZE} rows at a time instead of the whole result.
     */
    @Transactional(readOnly = true)
    public void forEach(Filter filter, int limit, Consumer<Row> sink) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        String sql = "select *" + where(filter, parameters) + " order by id desc limit :limit";
        parameters.addValue("limit", limit);
        streaming.query(sql, parameters, (RowCallbackHandler) row -> sink.accept(narrowed(row(row), filter)));
    }

    /**
     * A list entry found by one household or case names only that one: which other households the same
     * list showed is none of the business of a look-up for this household (an AVG art. 15 request, say).
     */
    private static Row narrowed(Row row, Filter filter) {
        if (row.householdIds() == null && row.caseIds() == null) {
            return row;
        }
        if (filter.householdId() != null) {
            return new Row(row.id(), row.at(), row.username(), row.role(), row.organisation(), row.householdId(), row.caseId(),
                    row.category(), row.action(), row.purpose(), row.outcome(), row.breakGlass(), List.of(filter.householdId()),
                    null);
        }
        if (filter.caseId() != null) {
            return new Row(row.id(), row.at(), row.username(), row.role(), row.organisation(), row.householdId(), row.caseId(),
                    row.category(), row.action(), row.purpose(), row.outcome(), row.breakGlass(), null,
                    List.of(filter.caseId()));
        }
        return row;
    }

    private static String where(Filter filter, MapSqlParameterSource parameters) {
        StringBuilder sql = new StringBuilder(" from access_log where true");
        if (filter.householdId() != null) {
            // Either index answers: the btree on household_id (one case) or the GIN on household_ids (a list).
            sql.append(" and (household_id = :householdId or household_ids @> array[:householdId]::uuid[])");
            parameters.addValue("householdId", filter.householdId());
        }
        if (filter.caseId() != null) {
            sql.append(" and (case_id = :caseId or case_ids @> array[:caseId]::uuid[])");
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
     * Recomputes every sealed entry's hash and link in chain order, in the database (the same digest
     * function the sealer uses), reports the first that does not match, and looks up the exported seal.
     */
    @Transactional(readOnly = true)
    public Verification verify(Optional<AccessLogSealer.Seal> exported) {
        // A seal whose entry is gone recomputes to null: it is broken itself. An entry gone with its seal breaks the
        // link of the next seal. An entry without a seal (and not queued any more) is counted as unsealed.
        Map<String, Object> result = jdbc.queryForMap("""
                with chain as (
                    select c.entry_id as id, c.chain_position, c.hash, c.previous_hash,
                           case when l.id is not null then access_log_digest(l, c.previous_hash) end as recomputed,
                           lag(c.hash, 1, repeat('0', 64)::char(64)) over (order by c.chain_position) as expected_previous
                    from access_log_chain c left join access_log l on l.id = c.entry_id)
                select count(*) as entries,
                       (array_agg(id order by chain_position) filter (where hash is distinct from recomputed
                            or previous_hash is distinct from expected_previous))[1] as first_broken,
                       (select hash from access_log_chain order by chain_position desc limit 1) as head,
                       max(chain_position) as head_position,
                       (select count(*) from access_log l
                        where not exists (select 1 from access_log_chain c where c.entry_id = l.id)) as unsealed
                from chain""", Map.of());
        Long broken = result.get("first_broken") == null ? null : ((Number) result.get("first_broken")).longValue();
        Boolean found = exported.map(seal -> jdbc.queryForList(
                "select hash from access_log_chain where chain_position = :position",
                Map.of("position", seal.position()), String.class).contains(seal.hash())).orElse(null);
        return new Verification(broken == null && !Boolean.FALSE.equals(found), ((Number) result.get("entries")).longValue(),
                broken, (String) result.get("head"),
                result.get("head_position") == null ? null : ((Number) result.get("head_position")).longValue(),
                ((Number) result.get("unsealed")).longValue(), exported.orElse(null), found);
    }

    private static Row row(ResultSet row) throws SQLException {
        return new Row(row.getLong("id"), row.getTimestamp("logged_at").toInstant(), row.getString("username"),
                row.getString("user_role"), row.getString("organisation"), row.getObject("household_id", UUID.class),
                row.getObject("case_id", UUID.class), row.getString("data_category"), row.getString("action"),
                row.getString("purpose"), row.getString("outcome"), row.getBoolean("break_glass"),
                uuids(row.getArray("household_ids")), uuids(row.getArray("case_ids")));
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return array == null ? null : List.of((UUID[]) array.getArray());
    }
}
