package nl.wijkroute.deadline;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import nl.wijkroute.privacy.access.AccessAction;
import nl.wijkroute.privacy.access.CaseAccess;
import nl.wijkroute.privacy.access.CaseScope;
import nl.wijkroute.privacy.access.DataCategory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.wijkroute.escalation.StagnationKind;
import nl.wijkroute.escalation.StagnationSignalService;
import nl.wijkroute.route.RouteReadModels;
import nl.wijkroute.system.MunicipalTime;
import nl.wijkroute.system.problem.ConflictException;
import nl.wijkroute.system.problem.InvalidInputException;
import nl.wijkroute.system.problem.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import nl.wijkroute.system.paging.PageParams;
import nl.wijkroute.system.paging.PageView;

/**
 * The legal clock. Java computes when a term ends and when to warn; the toegang BPMN's timers wait
 * for those moments and call back here. A suspension (e.g. waiting for the resident's documents)
 * pauses the timers and, on resume, moves the end by the suspended days: announced as
 * {@link DeadlineSuspended} / {@link DeadlineResumed}, on which the toegang module (owner of the BPMN and its
 * timer ids) moves its timers in the same transaction.
 */
@Service
public class DeadlineService {

    /** The moments the BPMN timers wait for. */
    public record TimerDates(Date warnAt, Date dueAt) {
    }

    /** A term just started, as toegang needs it for its BPMN timers (not the {@link LegalDeadline} entity). */
    public record Started(UUID deadlineId, TimerDates dates) {
    }

    private final LegalDeadlineRepository deadlines;
    private final DeadlineSuspensionRepository suspensions;
    private final StagnationSignalService stagnation;
    private final ApplicationEventPublisher events;
    private final DeadlineMapper mapper;
    private final Clock clock;
    private final int warningWorkingDays;
    private final CaseAccess access;
    private final NamedParameterJdbcTemplate jdbc;
    private final WorkingDays calendar;
    private final RequestLaws requestLaws;

    DeadlineService(LegalDeadlineRepository deadlines, DeadlineSuspensionRepository suspensions,
                    StagnationSignalService stagnation, ApplicationEventPublisher events,
                    DeadlineMapper mapper, Clock clock,
                    @Value("${wijkroute.deadline.warning-working-days:5}") int warningWorkingDays,
                    CaseAccess access, NamedParameterJdbcTemplate jdbc, WorkingDays calendar, RequestLaws requestLaws) {
        this.calendar = calendar;
        this.requestLaws = requestLaws;
        this.jdbc = jdbc;
        this.access = access;
        this.deadlines = deadlines;
        this.suspensions = suspensions;
        this.stagnation = stagnation;
        this.events = events;
        this.mapper = mapper;
        this.clock = clock;
        this.warningWorkingDays = warningWorkingDays;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Started start(UUID caseId, UUID toegangRequestId, LegalTerm term, LocalDate receivedOn) {
        LocalDate dueOn = term.dueOn(receivedOn, calendar);
        LegalDeadline deadline = deadlines.save(new LegalDeadline(caseId, toegangRequestId, term, receivedOn, dueOn,
                warnOn(receivedOn, dueOn), clock.instant()));
        return new Started(deadline.getId(), timerDates(deadline));
    }

    private TimerDates timerDates(LegalDeadline deadline) {
        return new TimerDates(Date.from(deadline.getWarnOn().atTime(LocalTime.of(8, 0)).atZone(MunicipalTime.ZONE).toInstant()),
                Date.from(deadline.getDueOn().plusDays(1).atStartOfDay(MunicipalTime.ZONE).toInstant()));
    }

    /** The step the term was for is done (onderzoek finished, besluit taken): its open terms are met. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void meetOpenTerms(UUID toegangRequestId) {
        deadlines.findByToegangRequestIdOrderByCreatedAtAsc(toegangRequestId).stream()
                .filter(deadline -> deadline.getStatus() != LegalDeadline.Status.MET)
                .forEach(deadline -> deadline.meet(today()));
    }

    /** Called by the BPMN's warning timer. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markAtRisk(UUID deadlineId) {
        LegalDeadline deadline = deadline(deadlineId);
        if (deadline.getStatus() == LegalDeadline.Status.RUNNING && !deadline.isAtRisk()) {
            deadline.markAtRisk();
            stagnation.raise(deadline.getCaseId(), StagnationKind.DEADLINE_AT_RISK, deadlineId,
                    // Every procesregisseur reads the signals: the law could tell that a child is involved.
                    "Wettelijke termijn loopt af op " + deadline.getDueOn() + ".");
        }
    }

    /** Called by the BPMN's breach timer: the term has passed without a decision. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markBreached(UUID deadlineId) {
        LegalDeadline deadline = deadline(deadlineId);
        if (deadline.getStatus() == LegalDeadline.Status.RUNNING && !deadline.isBreached()) {
            deadline.markBreached();
            stagnation.raise(deadline.getCaseId(), StagnationKind.DEADLINE_BREACHED, deadlineId,
                    "Wettelijke termijn overschreden sinds " + deadline.getDueOn() + ".");
        }
    }

    @Transactional
    public DeadlineView suspend(UUID deadlineId, LocalDate since, String reason, String by) {
        LegalDeadline deadline = accessible(deadlineId, AccessAction.UPDATE);
        if (deadline.getStatus() != LegalDeadline.Status.RUNNING) {
            throw new ConflictException("Deze termijn loopt niet (status " + deadline.getStatus() + ").");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "Leg vast waarom de termijn wordt opgeschort (bijv. wachten op stukken).");
        }
        if (since.isBefore(deadline.getReceivedOn()) || since.isAfter(today())) {
            throw new InvalidInputException("since", "Opschorten kan vanaf de ontvangst tot en met vandaag.");
        }
        deadline.suspend(since);
        suspensions.save(new DeadlineSuspension(deadlineId, since, reason, by, clock.instant()));
        events.publishEvent(new DeadlineSuspended(deadline.getToegangRequestId()));
        return view(deadline);
    }

    @Transactional
    public DeadlineView resume(UUID deadlineId, LocalDate on) {
        LegalDeadline deadline = accessible(deadlineId, AccessAction.UPDATE);
        if (deadline.getStatus() != LegalDeadline.Status.SUSPENDED) {
            throw new ConflictException("Deze termijn is niet opgeschort.");
        }
        if (on.isBefore(deadline.getSuspendedSince()) || on.isAfter(today())) {
            throw new InvalidInputException("on", "Hervatten kan vanaf de opschorting tot en met vandaag.");
        }
        LegalTerm term = deadline.getTerm();
        long suspended = term.suspendedDays(deadline.getSuspendedSince(), on, calendar);
        LocalDate dueOn = term.dueOn(deadline.getReceivedOn(), deadline.getExtendedWeeks(), deadline.getSuspendedDays() + suspended,
                calendar);
        deadline.resume(suspended, dueOn, warnOn(deadline.getReceivedOn(), dueOn));
        suspensions.findFirstByDeadlineIdAndUntilIsNull(deadlineId).ifPresent(suspension -> suspension.end(on));
        events.publishEvent(new DeadlineResumed(deadline.getToegangRequestId(), timerDates(deadline)));
        return view(deadline);
    }

    /**
     * Extends (verdaagt) a running term once by the weeks its law allows (Awb 7:10 lid 3 for the decision
     * on a bezwaar), before it has ended. The timers move like after a resume ({@link DeadlineResumed}).
     */
    @Transactional
    public DeadlineView extend(UUID deadlineId, String reason, String by) {
        LegalDeadline deadline = accessible(deadlineId, AccessAction.UPDATE);
        LegalTerm term = deadline.getTerm();
        if (term.extensionWeeks() == 0) {
            throw new ConflictException("Deze termijn kan niet worden verdaagd.");
        }
        if (deadline.getExtendedWeeks() > 0) {
            throw new ConflictException("Deze termijn is al verdaagd; de wet staat dat één keer toe.");
        }
        if (deadline.getStatus() != LegalDeadline.Status.RUNNING) {
            throw new ConflictException("Deze termijn loopt niet (status " + deadline.getStatus() + ").");
        }
        if (today().isAfter(deadline.getDueOn())) {
            throw new ConflictException("Verdagen kan alleen binnen de termijn (die eindigde op " + deadline.getDueOn() + ").");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "Leg vast waarom de beslissing wordt verdaagd.");
        }
        LocalDate dueOn = term.dueOn(deadline.getReceivedOn(), term.extensionWeeks(), deadline.getSuspendedDays(), calendar);
        deadline.extend(term.extensionWeeks(), reason, dueOn, warnOn(deadline.getReceivedOn(), dueOn));
        events.publishEvent(new DeadlineResumed(deadline.getToegangRequestId(), timerDates(deadline)));
        return view(deadline);
    }

    @Transactional(readOnly = true)
    public List<DeadlineView> forCase(UUID caseId) {
        access.require(caseId, DataCategory.TOEGANG, AccessAction.READ);
        return deadlines.findByCaseIdOrderByCreatedAtAsc(caseId).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public List<DeadlineView> forToegangRequest(UUID toegangRequestId) {
        return deadlines.findByToegangRequestIdOrderByCreatedAtAsc(toegangRequestId).stream().map(this::view).toList();
    }

    /**
     * Terms at risk or breached, per team (or all) within the user's scope: the list a team and the
     * toegang consulenten watch. Managers see the same as counts on the dashboard.
     */
    @Transactional(readOnly = true)
    public PageView<DeadlineView> atRisk(String teamId, PageParams paging) {
        CaseScope scope = access.scope();
        Map<String, Object> parameters = new HashMap<>(scope.parameters());
        parameters.put("today", today());
        // Route's case view (decision 0052), under the alias and column names the scope's condition is written for.
        String sql = """
                select d.id from legal_deadline d
                  join (select case_id as id, team_id, current_stage from %s) c on c.id = d.case_id
                where d.status <> 'MET' and (d.at_risk or d.breached or d.warn_on <= :today) and \
                """.formatted(RouteReadModels.CASE_VIEW) + scope.condition();
        if (teamId != null) {
            sql += " and c.team_id = :teamId";
            parameters.put("teamId", teamId);
        }
        long total = jdbc.queryForObject("select count(*) from (" + sql + ") matching", parameters, Long.class);
        parameters.put("limit", paging.size());
        parameters.put("offset", paging.offset());
        List<UUID> ids = jdbc.queryForList(sql + " order by d.due_on, d.id limit :limit offset :offset", parameters, UUID.class);
        Map<UUID, LegalDeadline> byId = deadlines.findAllById(ids).stream()
                .collect(Collectors.toMap(LegalDeadline::getId, Function.identity()));
        List<LegalDeadline> found = ids.stream().map(byId::get).toList();
        access.logListed(found.stream().map(LegalDeadline::getCaseId).toList(), DataCategory.TOEGANG);
        return PageView.of(found.stream().map(this::view).toList(), paging, total);
    }

    private LegalDeadline accessible(UUID deadlineId, AccessAction action) {
        LegalDeadline deadline = deadline(deadlineId);
        access.requireToegang(deadline.getCaseId(), () -> requestLaws.lawOf(deadline.getToegangRequestId()), action,
                () -> new NotFoundException("Termijn " + deadlineId + " bestaat niet."));
        return deadline;
    }

    private LocalDate warnOn(LocalDate receivedOn, LocalDate dueOn) {
        LocalDate warnOn = calendar.subtract(dueOn, warningWorkingDays);
        return warnOn.isAfter(receivedOn) ? warnOn : calendar.subtract(dueOn, 1);
    }

    private DeadlineView view(LegalDeadline deadline) {
        return mapper.toView(deadline, workingDaysLeft(deadline.getDueOn()));
    }

    private int workingDaysLeft(LocalDate dueOn) {
        LocalDate today = today();
        int days = 0;
        if (!dueOn.isBefore(today)) {
            for (LocalDate d = today.plusDays(1); !d.isAfter(dueOn); d = d.plusDays(1)) {
                days += calendar.isWorkingDay(d) ? 1 : 0;
            }
            return days;
        }
        for (LocalDate d = dueOn.plusDays(1); !d.isAfter(today); d = d.plusDays(1)) {
            days -= calendar.isWorkingDay(d) ? 1 : 0;
        }
        return days;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(MunicipalTime.ZONE));
    }

    private LegalDeadline deadline(UUID deadlineId) {
        return deadlines.findById(deadlineId).orElseThrow(() -> new NotFoundException("Termijn " + deadlineId + " bestaat niet."));
    }
}
