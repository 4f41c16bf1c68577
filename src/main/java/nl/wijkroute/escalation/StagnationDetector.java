package nl.wijkroute.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import nl.wijkroute.route.CaseMoved;
import nl.wijkroute.route.Stage;
import nl.wijkroute.route.SupportCase;
import nl.wijkroute.route.SupportCaseService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds stuck cases instead of waiting for a complaint: cases standing in a step longer than its norm,
 * and cases that keep returning to earlier steps. (Handovers not accepted in time and legal terms at
 * risk are signalled by their own BPMN timers.) Runs daily and on demand; raises each signal once
 * and resolves a time-in-step signal as soon as the case moves.
 */
@Component
@EnableConfigurationProperties(StagnationNorms.class)
public class StagnationDetector {

    public static final String TIME_IN_STEP = "TIME_IN_STEP";
    public static final String REPEATED_BACK_MOVES = "REPEATED_BACK_MOVES";
    private static final Logger log = LoggerFactory.getLogger(StagnationDetector.class);

    private final StagnationNorms norms;
    private final SupportCaseService cases;
    private final StagnationSignalService signals;
    private final Clock clock;

    StagnationDetector(StagnationNorms norms, SupportCaseService cases, StagnationSignalService signals, Clock clock) {
        this.norms = norms;
        this.cases = cases;
        this.signals = signals;
        this.clock = clock;
    }

    /** @return how many new signals were raised */
    @Scheduled(cron = "${wijkroute.stagnation.detect-cron:0 0 6 * * *}", zone = "Europe/Amsterdam")
    @SchedulerLock(name = "stagnation-detection", lockAtMostFor = "PT30M")
    @Transactional
    public int detect() {
        Instant now = clock.instant();
        int raised = 0;
        for (Map.Entry<Stage, Duration> norm : norms.timeInStep().entrySet()) {
            for (SupportCase stuck : cases.standingStillSince(norm.getKey(), now.minus(norm.getValue()))) {
                if (!signals.hasOpen(stuck.getId(), TIME_IN_STEP)) {
                    signals.raise(stuck.getId(), TIME_IN_STEP, stuck.getId(), "Casus staat sinds " + stuck.getStageEnteredAt()
                            + " in stap " + stuck.getCurrentStage() + " (norm " + norm.getValue().toDays() + " dagen).");
                    raised++;
                }
            }
        }
        List<UUID> open = cases.openCaseIds();
        for (Map.Entry<UUID, Integer> revisits : cases.revisits(open).entrySet()) {
            if (revisits.getValue() >= norms.revisitLimit() && !signals.hasOpen(revisits.getKey(), REPEATED_BACK_MOVES)) {
                signals.raise(revisits.getKey(), REPEATED_BACK_MOVES, revisits.getKey(),
                        "Casus is " + revisits.getValue() + " keer teruggegaan naar een eerdere stap.");
                raised++;
            }
        }
        // Counts only: case ids are personal-data adjacent and stay out of the log.
        log.info("Stagnation detection: {} new signal(s)", raised);
        return raised;
    }

    /** A case that moves is no longer standing still in its old step. */
    @EventListener
    void caseMoved(CaseMoved moved) {
        if (moved.from() != null) {
            signals.resolveOpen(moved.caseId(), TIME_IN_STEP);
        }
    }
}
