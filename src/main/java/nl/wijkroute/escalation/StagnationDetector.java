package nl.wijkroute.escalation;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import nl.wijkroute.route.CaseMoved;
import nl.wijkroute.route.Stage;
import nl.wijkroute.system.MunicipalTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds stuck cases instead of waiting for a complaint: cases standing in a step longer than its norm,
 * and cases that keep moving back (decision 0028: only the BPMN's back-moves count, not the ordinary
 * evaluatie → regie cycle). (Handovers not accepted in time and legal terms at risk are signalled by
 * their own BPMN timers.) Runs daily, once per cluster (ShedLock), and on demand.
 *
 * <p>Each cause is one set-based statement over all open cases, whatever their number; the database's
 * partial unique index (one open signal per case and cause) makes a second run, or a run racing
 * another instance, raise nothing twice ({@code on conflict do nothing}).
 */
@Component
@EnableConfigurationProperties(StagnationNorms.class)
public class StagnationDetector {

    private static final Logger log = LoggerFactory.getLogger(StagnationDetector.class);

    private static final String STANDING_STILL = """
            insert into stagnation_signal (id, case_id, kind, reference_id, description, raised_at)
            select gen_random_uuid(), c.id, '%s', c.id,
                   'Casus staat sinds ' || to_char(c.stage_entered_at at time zone '%s', 'YYYY-MM-DD HH24:MI')
                   || ' in stap ' || c.current_stage || ' (norm ' || norm.days || ' dagen).', ?
              from support_case c
              join unnest(?::text[], ?::text[]::timestamptz[], ?::int[]) as norm(stage, entered_before, days)
                on c.current_stage = norm.stage and c.stage_entered_at < norm.entered_before
             where c.status = 'OPEN'
            on conflict do nothing
            """.formatted(StagnationKind.TIME_IN_STEP, MunicipalTime.TIME_ZONE);

    /** Back-moves since the last signal of this kind was resolved: a resolved signal is not raised again for the same moves. */
    private static final String GOING_BACK = """
            insert into stagnation_signal (id, case_id, kind, reference_id, description, raised_at)
            select gen_random_uuid(), h.case_id, '%1$s', h.case_id,
                   'Casus is ' || count(*) || ' keer teruggegaan naar een eerdere stap.', ?
              from step_history h
              join support_case c on c.id = h.case_id and c.status = 'OPEN'
             where h.back_move
               and h.moved_at > coalesce((select max(s.resolved_at) from stagnation_signal s
                                           where s.case_id = h.case_id and s.kind = '%1$s'), '-infinity')
             group by h.case_id
            having count(*) >= ?
            on conflict do nothing
            """.formatted(StagnationKind.REPEATED_BACK_MOVES);

    private final StagnationNorms norms;
    private final StagnationSignalService signals;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    StagnationDetector(StagnationNorms norms, StagnationSignalService signals, JdbcTemplate jdbc, Clock clock) {
        this.norms = norms;
        this.signals = signals;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The daily run, on one instance of the cluster. Apart from {@link #detect()}: ShedLock cannot lock a
     * method returning a primitive (it throws and the run never happened), and a request for detection must not
     * fail because another instance holds the lock. lockAtLeastFor keeps the lock past a quick run, so an
     * instance whose clock is a little behind does not run the same firing again.
     */
    @Scheduled(cron = "${wijkroute.stagnation.detect-cron:0 0 6 * * *}", zone = MunicipalTime.TIME_ZONE)
    @SchedulerLock(name = "stagnation-detection", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public void detectOnSchedule() {
        detect();
    }

    /** @return how many new signals were raised (safe beside a scheduled run: {@code on conflict do nothing}) */
    @Transactional
    public int detect() {
        Instant now = clock.instant();
        OffsetDateTime raisedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        List<Map.Entry<Stage, Duration>> timeInStep = List.copyOf(norms.timeInStep().entrySet());
        int raised = timeInStep.isEmpty() ? 0 : jdbc.update(STANDING_STILL, statement -> {
            Connection connection = statement.getConnection();
            statement.setObject(1, raisedAt);
            statement.setArray(2, connection.createArrayOf("text",
                    timeInStep.stream().map(norm -> norm.getKey().name()).toArray()));
            statement.setArray(3, connection.createArrayOf("text",
                    timeInStep.stream().map(norm -> now.minus(norm.getValue()).toString()).toArray()));
            statement.setArray(4, connection.createArrayOf("int4",
                    timeInStep.stream().map(norm -> (int) norm.getValue().toDays()).toArray()));
        });
        raised += jdbc.update(GOING_BACK, statement -> {
            statement.setObject(1, raisedAt);
            statement.setInt(2, norms.revisitLimit());
        });
        // Counts only: case ids are personal-data adjacent and stay out of the log.
        log.info("Stagnation detection: {} new signal(s)", raised);
        return raised;
    }

    /** A case that moves is no longer standing still in its old step. */
    @EventListener
    void caseMoved(CaseMoved moved) {
        if (moved.from() != null) {
            signals.resolveOpen(moved.caseId(), StagnationKind.TIME_IN_STEP);
        }
    }
}
