package nl.wijkroute.privacy.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import nl.wijkroute.handover.HandoverReadModels;
import nl.wijkroute.household.HouseholdReadModels;
import nl.wijkroute.partner.PartnerReadModels;
import nl.wijkroute.plan.PlanReadModels;
import nl.wijkroute.route.RouteReadModels;
import nl.wijkroute.system.MunicipalTime;
import nl.wijkroute.toegang.ToegangReadModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases personal data once its retention term after the end of support has passed. A household is
 * looked at only when none of its cases is open or in nazorg; its terms run from the end of its last
 * case. Each household is erased in its own transaction, so one failure does not hold back the rest
 * and the next run retries it.
 */
@Service
@EnableConfigurationProperties(RetentionProperties.class)
public class RetentionService {

    private static final Logger log = LoggerFactory.getLogger(RetentionService.class);

    private final RetentionProperties terms;
    private final PersonalDataEraser eraser;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RetentionService(RetentionProperties terms, PersonalDataEraser eraser, JdbcTemplate jdbc,
                     PlatformTransactionManager transactionManager, Clock clock) {
        this.terms = terms;
        this.eraser = eraser;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * What one run did.
     *
     * @param caseFilesErased  households whose case files were erased while a toegang decision keeps their identity
     * @param householdsErased households with nothing identifiable left
     * @param failed           households that could not be erased this time (retried next run)
     */
    public record Report(LocalDate asOf, int caseFilesErased, int householdsErased, int failed) {
    }

    /** A household whose support has ended, with what decides its terms. */
    record Candidate(UUID householdId, Instant lastClosedAt, boolean hasToegangRequests, boolean jeugdwetInvolved) {
    }

    private enum Outcome { NONE, CASE_FILE, ALL }

    @Scheduled(cron = "${wijkroute.retention.cron:0 30 2 * * *}", zone = MunicipalTime.TIME_ZONE)
    @SchedulerLock(name = "retention-erasure", lockAtMostFor = "PT2H", lockAtLeastFor = "PT1M")
    public Report run() {
        return runAsOf(LocalDate.now(clock.withZone(MunicipalTime.ZONE)));
    }

    /** Erases what is due on this day: data whose term ended before it. */
    public Report runAsOf(LocalDate today) {
        int caseFiles = 0;
        int households = 0;
        int failed = 0;
        for (Candidate candidate : candidates(today)) {
            try {
                Outcome outcome = transaction.execute(status -> erase(candidate, today));
                if (outcome == Outcome.CASE_FILE) {
                    caseFiles++;
                } else if (outcome == Outcome.ALL) {
                    households++;
                }
            } catch (RuntimeException e) {
                failed++;
                // The class only: messages of SQL errors may quote the values being erased.
                log.warn("Retention: erasing a household failed ({}); retried at the next run", e.getClass().getName());
            }
        }
        log.info("Retention as of {}: {} case file(s) and {} household(s) erased, {} failed", today, caseFiles, households, failed);
        return new Report(today, caseFiles, households, failed);
    }

    private Outcome erase(Candidate candidate, LocalDate today) {
        PersonalDataEraser.HouseholdState state = eraser.lock(candidate.householdId()).orElse(null);
        // A signal may have opened a new case since the candidates were read.
        if (state == null || state.supportRunning() || state.fullyErased()) {
            return Outcome.NONE;
        }
        LocalDate ended = LocalDate.ofInstant(candidate.lastClosedAt(), MunicipalTime.ZONE);
        Instant now = clock.instant();
        if (ended.plus(terms.fullTerm(candidate.jeugdwetInvolved(), candidate.hasToegangRequests())).isBefore(today)) {
            eraser.eraseAll(candidate.householdId(), now);
            return Outcome.ALL;
        }
        if (state.caseFileErasedAt() == null && ended.plus(terms.caseFileTerm(candidate.jeugdwetInvolved())).isBefore(today)) {
            eraser.eraseClosedCaseFiles(candidate.householdId(), now, true);
            return Outcome.CASE_FILE;
        }
        return Outcome.NONE;
    }

    /**
     * Households not yet fully erased whose cases are all closed, longer ago than the shortest term.
     * Jeugdwet support shows as a Jeugdwet toegang request, or a handover or plan action to a
     * jeugdhulp organisation; these survive the case file erasure, so the term never shortens.
     */
    List<Candidate> candidates(LocalDate today) {
        Instant cutoff = today.minus(terms.shortest()).atStartOfDay(MunicipalTime.ZONE).toInstant();
        // Set-wise over the owners' read models (decision 0052): cases, requests, handovers, plans, organisations.
        return jdbc.query("""
                select h.id, last.closed_at,
                       exists (select 1 from %2$s t join %1$s c on c.id = t.case_id
                               where c.household_id = h.id) as has_toegang,
                       (exists (select 1 from %2$s t join %1$s c on c.id = t.case_id
                                where c.household_id = h.id and t.law = 'JEUGDWET')
                        or exists (select 1 from %3$s ho join %1$s c on c.id = ho.case_id
                                   join %4$s o on o.id = ho.receiver_organisation
                                   where c.household_id = h.id and o.type = 'JEUGDHULP')
                        or exists (select 1 from %5$s pa
                                   join %4$s o on o.id = pa.organisation_id
                                   where pa.household_id = h.id and o.type = 'JEUGDHULP')) as jeugdwet
                from %6$s h
                join (select household_id, max(closed_at) as closed_at from %1$s group by household_id
                      having bool_and(status = 'CLOSED' and closed_at is not null)) last on last.household_id = h.id
                where h.personal_data_erased_at is null and last.closed_at < ?
                order by last.closed_at
                """.formatted(RouteReadModels.CASE_SCOPE_VIEW, ToegangReadModels.REQUEST_LAW_VIEW,
                HandoverReadModels.INVOLVEMENT_VIEW, PartnerReadModels.ORGANISATION_TYPE_VIEW,
                PlanReadModels.VERSION_ACTION_ORGANISATION_VIEW, HouseholdReadModels.ERASURE_STATE_VIEW),
                (rs, row) -> new Candidate(rs.getObject("id", UUID.class), rs.getTimestamp("closed_at").toInstant(),
                rs.getBoolean("has_toegang"), rs.getBoolean("jeugdwet")),
                Timestamp.from(cutoff));
    }
}
