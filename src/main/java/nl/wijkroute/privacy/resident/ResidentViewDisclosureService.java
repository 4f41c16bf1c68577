package nl.wijkroute.privacy.resident;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.privacy.access.AccessAction;
import nl.wijkroute.privacy.access.CaseAccess;
import nl.wijkroute.privacy.access.DataCategory;
import nl.wijkroute.system.security.CurrentUser;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The team's decision whether the household may see what names the concern on a case that had a safety
 * concern (decision 0049). Append-only: the latest decision counts, the earlier ones stay as the trail.
 */
@Service
class ResidentViewDisclosureService {

    private final NamedParameterJdbcTemplate jdbc;
    private final CaseAccess access;
    private final Clock clock;

    ResidentViewDisclosureService(NamedParameterJdbcTemplate jdbc, CaseAccess access, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Only the case's own team decides: the safety picture is theirs (CASE_FILE UPDATE, in scope, logged).
     * A worker who reached the case by break-the-glass may read it, not open it up to the household.
     */
    @Transactional
    public ResidentViews.Disclosure decide(UUID caseId, ResidentViews.DisclosureRequest request, CurrentUser user) {
        boolean glass = access.require(caseId, DataCategory.CASE_FILE, AccessAction.UPDATE)
                .map(CaseAccess.Granted::breakGlass).orElse(false);
        if (glass) {
            throw new AccessDeniedException("only the case's own team decides what the household sees");
        }
        Instant now = clock.instant();
        String reason = request.reason().strip();
        jdbc.update("""
                insert into resident_view_disclosure (case_id, safe_to_show, reason, decided_by, decided_at)
                values (:caseId, :safeToShow, :reason, :by, :at)""", Map.of("caseId", caseId,
                "safeToShow", request.safeToShow(), "reason", reason, "by", user.username(), "at", Timestamp.from(now)));
        return new ResidentViews.Disclosure(caseId, request.safeToShow(), reason, user.username(), now);
    }

    /** Whether the team's latest decision lets the household see what names the concern. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean safeToShow(UUID caseId) {
        List<Boolean> latest = jdbc.queryForList("""
                select safe_to_show from resident_view_disclosure where case_id = :caseId order by id desc limit 1""",
                Map.of("caseId", caseId), Boolean.class);
        return !latest.isEmpty() && latest.get(0);
    }
}
