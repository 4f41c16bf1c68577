package nl.wijkroute.privacy.breakglass;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.wijkroute.household.HouseholdService;
import nl.wijkroute.privacy.access.AccessAction;
import nl.wijkroute.privacy.access.CaseAccess;
import nl.wijkroute.privacy.access.CaseScope;
import nl.wijkroute.privacy.access.DataCategory;
import nl.wijkroute.privacy.accesslog.AccessLogReadModels;
import nl.wijkroute.route.RouteReadModels;
import nl.wijkroute.system.problem.ConflictException;
import nl.wijkroute.system.problem.InvalidInputException;
import nl.wijkroute.system.problem.NotFoundException;
import nl.wijkroute.system.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import nl.wijkroute.system.paging.PageParams;
import nl.wijkroute.system.paging.PageView;

/**
 * Break-the-glass: in an urgent safety situation a wijkteam worker or procesregisseur opens a case
 * outside their scope by stating why. The grant lasts a few hours; {@code CaseScope} honours it and
 * every access under it is flagged in the access log; the privacy officer reviews each grant.
 */
@Service
public class BreakGlassService {

    public enum Verdict { JUSTIFIED, UNJUSTIFIED }

    public record GrantView(UUID id, UUID caseId, String username, String role, String organisation, String reason,
                            Instant grantedAt, Instant expiresAt, long accesses, String reviewedBy, Instant reviewedAt,
                            Verdict verdict, String reviewNote) {
    }

    private static final String SELECT = """
            select g.*, (select count(*) from %s l where l.username = g.username
                            and (l.case_id = g.case_id or l.case_ids @> array[g.case_id])
                            and l.logged_at between g.granted_at and g.expires_at) as accesses
            from break_glass_access g""".formatted(AccessLogReadModels.BREAK_GLASS_VIEW);

    private final NamedParameterJdbcTemplate jdbc;
    private final HouseholdService households;
    private final CaseAccess access;
    private final Clock clock;
    private final Duration validFor;

    BreakGlassService(NamedParameterJdbcTemplate jdbc, HouseholdService households, CaseAccess access, Clock clock,
                      @Value("${wijkroute.privacy.break-glass-valid-for:PT8H}") Duration validFor) {
        this.jdbc = jdbc;
        this.households = households;
        this.access = access;
        this.clock = clock;
        this.validFor = validFor;
    }

    /**
     * The answer to a break-the-glass by BSN, the same whether the BSN belongs to a known household or
     * not (docs/decisions/0021-break-the-glass.md): the system must not tell who is known to the wijkteams.
     */
    public record BsnAnswer(UUID id, Instant expiresAt, String message) {
    }

    static final String BSN_ANSWER = "Je doorbraak is vastgelegd. Is er bij dit BSN een casus, dan staat die tot het genoemde "
            + "tijdstip in je casuslijst. De privacy officer beoordeelt elke doorbraak achteraf.";

    @Transactional
    public GrantView open(UUID caseId, String reason, CurrentUser user) {
        if (caseId == null) {
            throw new InvalidInputException("caseId",
                    "Noem de casus (caseId) of het BSN van een gezinslid: precies één van beide.");
        }
        Boolean inScope = inScope(caseId, user);
        if (inScope == null) {
            throw new NotFoundException("Casus " + caseId + " bestaat niet.", "caseId");
        }
        if (inScope) {
            throw new ConflictException("Deze casus valt al binnen je werkgebied; doorbreken is niet nodig.");
        }
        UUID id = grant(caseId, reason, user, clock.instant());
        // The opening itself is the first flagged access, written with the grant.
        access.require(caseId, DataCategory.CASE_FILE, AccessAction.READ);
        return get(id);
    }

    /**
     * By a member's BSN: a grant on the household's latest case when it is outside the worker's scope,
     * nothing new when it is inside, and a recorded attempt without subject when no household has this
     * BSN. Each leaves an access-log entry; the answer is the same for all three.
     */
    @Transactional
    public BsnAnswer openByBsn(UUID caseId, String bsn, String reason, CurrentUser user) {
        if (caseId != null) {
            throw new InvalidInputException("caseId",
                    "Noem de casus (caseId) of het BSN van een gezinslid: precies één van beide.");
        }
        Instant now = clock.instant();
        Optional<UUID> target = caseOfBsn(bsn);
        UUID id;
        if (target.isEmpty()) {
            // Kept for the privacy officer's review like a grant, so that fishing for BSNs shows; it opens nothing.
            id = grant(null, reason, user, now);
            access.logBreakGlassWithoutSubject(user);
        } else if (Boolean.TRUE.equals(inScope(target.get(), user))) {
            // Already the worker's own case: no grant to review; the look is logged as an ordinary one.
            id = UUID.randomUUID();
            access.require(target.get(), DataCategory.CASE_FILE, AccessAction.READ);
        } else {
            id = grant(target.get(), reason, user, now);
            access.require(target.get(), DataCategory.CASE_FILE, AccessAction.READ);
        }
        return new BsnAnswer(id, now.plus(validFor), BSN_ANSWER);
    }

    /** Whether the case is in the user's regular scope; null when there is no such case. */
    private Boolean inScope(UUID caseId, CurrentUser user) {
        CaseScope scope = CaseScope.of(user);
        Map<String, Object> parameters = new HashMap<>(scope.parameters());
        parameters.put("caseId", caseId);
        List<Boolean> inScope = jdbc.queryForList("select " + scope.regular() + " from " + RouteReadModels.CASE_SCOPE_VIEW + " c where c.id = :caseId",
                parameters, Boolean.class);
        return inScope.isEmpty() ? null : inScope.get(0);
    }

    private UUID grant(UUID caseId, String reason, CurrentUser user, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into break_glass_access (id, case_id, username, user_role, organisation, reason, granted_at, expires_at)
                values (:id, :caseId, :username, :role, :organisation, :reason, :grantedAt, :expiresAt)""",
                new MapSqlParameterSource()
                        .addValue("id", id).addValue("caseId", caseId).addValue("username", user.username())
                        .addValue("role", CaseAccess.primaryRole(user)).addValue("organisation", user.actingFor())
                        .addValue("reason", reason)
                        .addValue("grantedAt", Timestamp.from(now))
                        .addValue("expiresAt", Timestamp.from(now.plus(validFor))));
        return id;
    }

    @Transactional(readOnly = true)
    public PageView<GrantView> list(boolean reviewed, PageParams paging) {
        Map<String, Object> parameters = Map.of("reviewed", reviewed, "limit", paging.size(), "offset", paging.offset());
        long total = jdbc.queryForObject(
                "select count(*) from break_glass_access g where (g.reviewed_at is not null) = :reviewed", parameters, Long.class);
        // Newest first; the id keeps the order stable between pages.
        return PageView.of(jdbc.query(SELECT + " where (g.reviewed_at is not null) = :reviewed"
                + " order by g.granted_at desc, g.id limit :limit offset :offset", parameters, (row, n) -> view(row)),
                paging, total);
    }

    @Transactional
    public GrantView review(UUID id, Verdict verdict, String note, CurrentUser user) {
        if (verdict == Verdict.UNJUSTIFIED && (note == null || note.isBlank())) {
            throw new InvalidInputException("note", "Licht toe waarom de doorbraak onterecht was (en wat er nu gebeurt).");
        }
        int updated = jdbc.update("""
                update break_glass_access set reviewed_by = :by, reviewed_at = :at, review_verdict = :verdict,
                       review_note = :note, version = version + 1
                where id = :id and reviewed_at is null""",
                new MapSqlParameterSource().addValue("by", user.username())
                        .addValue("at", Timestamp.from(clock.instant())).addValue("verdict", verdict.name())
                        .addValue("note", note).addValue("id", id));
        if (updated == 0) {
            get(id);
            throw new ConflictException("Deze doorbraak is al beoordeeld.");
        }
        return get(id);
    }

    private GrantView get(UUID id) {
        return jdbc.query(SELECT + " where g.id = :id", Map.of("id", id), (row, n) -> view(row)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("Doorbraak " + id + " bestaat niet."));
    }

    /** The household's most recent case: the household by its owner's API, the cases by route's view (0052). */
    private Optional<UUID> caseOfBsn(String bsn) {
        return households.householdOfMember(bsn).flatMap(household -> jdbc.queryForList(
                "select c.id from " + RouteReadModels.CASE_SCOPE_VIEW + " c where c.household_id = :household"
                        + " order by c.opened_at desc limit 1", Map.of("household", household), UUID.class)
                .stream().findFirst());
    }

    private static GrantView view(ResultSet row) throws SQLException {
        String verdict = row.getString("review_verdict");
        return new GrantView(row.getObject("id", UUID.class), row.getObject("case_id", UUID.class), row.getString("username"),
                row.getString("user_role"), row.getString("organisation"), row.getString("reason"),
                row.getTimestamp("granted_at").toInstant(), row.getTimestamp("expires_at").toInstant(),
                row.getLong("accesses"), row.getString("reviewed_by"),
                row.getTimestamp("reviewed_at") == null ? null : row.getTimestamp("reviewed_at").toInstant(),
                verdict == null ? null : Verdict.valueOf(verdict), row.getString("review_note"));
    }
}
