package nl.wijkroute.safety;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.route.CaseMoved;
import nl.wijkroute.route.Stage;
import nl.wijkroute.signal.SignalRecorded;
import nl.wijkroute.triage.TriageRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * THE one place for "has this case ever had a safety concern" (routekaart step 0, veilige leefomgeving):
 * the rule that decides where the safety question is re-asked (plan, every evaluatie) and that other
 * modules ask instead of repeating it.
 * <p>
 * Yes when any of these ever happened on the case: a signal flagged a safety concern, or came in with
 * urgency CRISIS ({@code SignalView#raisesSafety}); a triage recorded a safety concern; the case entered the
 * {@code veiligheid} step; a meldcode step or a veiligheidsplan was recorded; or a safety check found
 * someone not safe. Once yes, always yes for this case: the seed asks to keep re-asking.
 * <p>
 * Kept as one row per case ({@code safety_concern}, V61) that {@link #record} writes when a source records a
 * concern, in the source's transaction: the signal, triage and route modules announce theirs with events
 * (this module listens, they do not know the rule), safety's own services call {@link #record}. Reading it
 * is one primary-key lookup instead of the six sources on every plan/evaluatie completion and {@code /me}
 * call (issue 14).
 */
@Service
public class SafetyConcerns {

    private final NamedParameterJdbcTemplate jdbc;
    private final SafetyCheckRepository checks;

    SafetyConcerns(NamedParameterJdbcTemplate jdbc, SafetyCheckRepository checks) {
        this.jdbc = jdbc;
        this.checks = checks;
    }

    /** Whether the case ever had a safety concern (see the class comment for what counts). */
    @Transactional(readOnly = true)
    public boolean everHadSafetyConcern(UUID caseId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from safety_concern where case_id = :caseId)",
                Map.of("caseId", caseId), Boolean.class));
    }

    /** A source recorded a safety concern on the case at {@code at}: from now on the case has had one. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(UUID caseId, Instant at) {
        // The first concern's time stays; a later one changes nothing (once yes, always yes).
        jdbc.update("insert into safety_concern (case_id, since) values (:caseId, :at) on conflict (case_id) do nothing",
                Map.of("caseId", caseId, "at", java.sql.Timestamp.from(at)));
    }

    @EventListener
    void on(SignalRecorded signal) {
        if (signal.raisesSafety()) {
            record(signal.caseId(), signal.receivedAt());
        }
    }

    @EventListener
    void on(TriageRecorded triage) {
        if (triage.safetyConcern()) {
            record(triage.caseId(), triage.assessedAt());
        }
    }

    @EventListener
    void on(CaseMoved moved) {
        if (moved.to() == Stage.VEILIGHEID) {
            record(moved.caseId(), moved.at());
        }
    }

    /** Whether the team judged the risk lasting at the case's latest safety check (long nazorg, decision 0048). */
    @Transactional(readOnly = true)
    public boolean hasLastingRisk(UUID caseId) {
        return checks.latestLastingRisk(caseId).orElse(false);
    }
}
