package nl.wijkroute.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds stuck cases instead of waiting for a complaint: cases standing in a step longer than its norm,
 * and cases that keep moving back (decision 0028: only the BPMN's back-moves count, not the ordinary
 * evaluatie → regie cycle). (Handovers not accepted in time and legal terms at risk are signalled by
 * their own BPMN timers.) Runs daily, once per cluster (ShedLock), and on demand.
 *
 * <p>Each cause is one set-based statement over all open cases, whatever their number, raised through
 * {@link StagnationSignalService} like every other stagnation signal; the database's partial unique index
 * (one open signal per case and cause) makes a second run, or a run racing another instance, raise nothing
 * twice ({@code on conflict do nothing}).
 */
@Component
@EnableConfigurationProperties(StagnationNorms.class)
public class StagnationDetector {

    private static final Logger log = LoggerFactory.getLogger(StagnationDetector.class);

    private final StagnationNorms norms;
    private final StagnationSignalService signals;
    private final Clock clock;

    StagnationDetector(StagnationNorms norms, StagnationSignalService signals, Clock clock) {
        this.norms = norms;
        this.signals = signals;
        this.clock = clock;
    }

    /**
     * The daily run, on one instance of the cluster. Apart from {@link #detect()}: ShedLock cannot lock a
     * method returning a primitive (it throws and the run never happened), and a request for detection must not
     * fail because another instance holds the lock. lockAtLeastFor keeps the lock past a quick run, so an
     * instance whose clock is a little behind does not run the same firing again. Transactional itself: its call of
     * {@link #detect()} does not pass the proxy, so detect's own annotation does not open the transaction the signal
     * service requires (every scheduled run failed without it).
     */
    @Scheduled(cron = "${wijkroute.stagnation.detect-cron:0 0 6 * * *}", zone = MunicipalTime.TIME_ZONE)
    @SchedulerLock(name = "stagnation-detection", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    @Transactional
    public void detectOnSchedule() {
        detect();
    }

    /** @return how many new signals were raised (safe beside a scheduled run: {@code on conflict do nothing}) */
    @Transactional
    public int detect() {
        Instant now = clock.instant();
        List<Map.Entry<Stage, Duration>> timeInStep = List.copyOf(norms.timeInStep().entrySet());
        int raised = timeInStep.isEmpty() ? 0 : signals.raiseForTimeInStep(timeInStep, now);
        raised += signals.raiseForRepeatedBackMoves(norms.revisitLimit(), now);
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
