package nl.wijkroute.route;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.wijkroute.household.HouseholdService;
import nl.wijkroute.household.HouseholdSummary;
import nl.wijkroute.household.HouseholdView;
import nl.wijkroute.privacy.access.CaseScope;
import nl.wijkroute.system.problem.ConflictException;
import nl.wijkroute.system.problem.NotFoundException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Opens cases, attaches signals to the household's open case, and answers questions about cases. */
@Service
public class SupportCaseService {

    private final CaseRepository cases;
    private final StepHistoryRepository history;
    private final StepRecorder stepRecorder;
    private final RuntimeService runtimeService;
    private final EngineActor engineActor;
    private final Clock clock;
    private final NamedParameterJdbcTemplate jdbc;
    private final HouseholdService households;
    private final String nazorgPeriod;

    SupportCaseService(CaseRepository cases, StepHistoryRepository history, StepRecorder stepRecorder,
                RuntimeService runtimeService, EngineActor engineActor, Clock clock, NamedParameterJdbcTemplate jdbc,
                HouseholdService households, @Value("${wijkroute.route.nazorg-period}") String nazorgPeriod) {
        this.cases = cases;
        this.households = households;
        this.history = history;
        this.stepRecorder = stepRecorder;
        this.runtimeService = runtimeService;
        this.engineActor = engineActor;
        this.clock = clock;
        this.jdbc = jdbc;
        // An ISO-8601 duration the BPMN's nazorg timer reads; P3M by default.
        this.nazorgPeriod = nazorgPeriod;
    }

    /** What happened to the case when a signal came in. */
    public record Attachment(UUID caseId, boolean newCase, boolean reopenedFromNazorg) {
    }

    /**
     * 1 gezin, 1 plan: a signal for a household with an open case (or one in nazorg) joins that case;
     * during nazorg it reopens the case at triage (the BPMN's message boundary event). Otherwise a
     * new case starts the route. The caller holds the household's lock (HouseholdService), so
     * simultaneous signals arrive here one by one and the later ones find the case the first opened;
     * the partial unique index remains the database's guarantee for any other writer.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Attachment openOrAttach(HouseholdSummary household, String actor) {
        // A household registered by this signal has no case yet: no look for one (decision 0076).
        Optional<SupportCase> existing = household.registeredNow() ? Optional.empty() : cases.notClosedOf(household.id());
        if (existing.isPresent()) {
            SupportCase supportCase = existing.get();
            if (supportCase.getStatus() == CaseStatus.NAZORG) {
                engineActor.as(actor, () -> runtimeService.createMessageCorrelation(RoutekaartIds.NEW_SIGNAL_MESSAGE)
                        .processInstanceBusinessKey(supportCase.getId().toString())
                        .setVariable(RouteVariables.MOVE_REASON,
                                Variables.stringValue("Nieuw signaal tijdens nazorg", true))
                        .correlate());
                return new Attachment(supportCase.getId(), false, true);
            }
            return new Attachment(supportCase.getId(), false, false);
        }
        SupportCase supportCase = new SupportCase(household, clock.instant());
        try {
            cases.saveAndFlush(supportCase);
        } catch (DataIntegrityViolationException raced) {
            throw new ConflictException("Voor dit huishouden is zojuist een casus geopend; probeer het opnieuw.");
        }
        stepRecorder.recordOpening(supportCase, actor, "Signaal ontvangen");
        engineActor.as(actor, () -> runtimeService.startProcessInstanceByKey(RoutekaartIds.PROCESS,
                supportCase.getId().toString(),
                Map.of(RouteVariables.CASE_ID, supportCase.getId().toString(),
                        RouteVariables.CANDIDATE_GROUP, supportCase.getTeamId(),
                        RouteVariables.NAZORG_PERIOD, nazorgPeriod)));
        return new Attachment(supportCase.getId(), true, false);
    }

    /**
     * A signal with a safety concern or urgency CRISIS joined the case (open or in nazorg): the route's
     * event subprocess starts the team's safety task, interrupting nothing (decision 0048).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void raiseSafetySignal(UUID caseId, String actor) {
        engineActor.as(actor, () -> runtimeService.createMessageCorrelation(RoutekaartIds.SAFETY_SIGNAL_MESSAGE)
                .processInstanceBusinessKey(caseId.toString())
                .setVariable(RouteVariables.MOVE_REASON, Variables.stringValue("Nieuw signaal over veiligheid", true))
                .correlate());
    }

    @Transactional(readOnly = true)
    public SupportCase get(UUID id) {
        return cases.findById(id).orElseThrow(() -> new NotFoundException("Casus " + id + " bestaat niet."));
    }

    /**
     * What other modules need of a case (its household, team and where it is in the route), as route's read
     * model: same read as {@link #get(UUID)}, no entity handed out.
     */
    @Transactional(readOnly = true)
    public SupportCaseView view(UUID id) {
        SupportCase supportCase = get(id);
        return new SupportCaseView(supportCase.getId(), supportCase.getHouseholdId(), supportCase.getTeamId(),
                supportCase.getStatus(), supportCase.getCurrentStage());
    }

    /** The case's status, for a module that only checks it (same read as {@link #get(UUID)}, no entity handed out). */
    @Transactional(readOnly = true)
    public CaseStatus statusOf(UUID id) {
        return get(id).getStatus();
    }

    /** The id of the case's wijkteam (no entity handed out). */
    @Transactional(readOnly = true)
    public String teamOf(UUID id) {
        return get(id).getTeamId();
    }

    /**
     * The members of the case's household, as household's read model (no entity handed out).
     */
    @Transactional(readOnly = true)
    public List<HouseholdView.Member> membersOf(UUID id) {
        return households.membersOf(get(id).getHouseholdId());
    }

    /**
     * The cases with these ids and their households' summaries: two statements however many cases (the
     * household is household's, read through its API by id). Ids without a case are absent.
     */
    Map<UUID, CaseRow> withHouseholds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<SupportCase> found = cases.findByIdIn(ids);
        Map<UUID, HouseholdSummary> summaries = households.summaries(
                found.stream().map(SupportCase::getHouseholdId).collect(Collectors.toSet()));
        return found.stream().collect(Collectors.toMap(SupportCase::getId,
                supportCase -> new CaseRow(supportCase, summaries.get(supportCase.getHouseholdId()))));
    }

    /** A case with its household's summary, read together for lists and task views. */
    record CaseRow(SupportCase supportCase, HouseholdSummary household) {
    }

    /**
     * A page of the cases within the scope (see {@code CaseScope}) that match the filter, newest first.
     * The scope is part of the query, so the page and its total count only ever hold visible cases.
     */
    @Transactional(readOnly = true)
    Page<CaseRow> search(CaseFilter filter, CaseScope scope, Pageable pageable) {
        StringBuilder where = new StringBuilder(" from support_case c where ").append(scope.condition());
        Map<String, Object> parameters = new HashMap<>(scope.parameters());
        if (filter.stage() != null) {
            where.append(" and c.current_stage = :stage");
            parameters.put("stage", filter.stage().name());
        }
        if (filter.teamId() != null) {
            where.append(" and c.team_id = :teamId");
            parameters.put("teamId", filter.teamId());
        }
        if (filter.wijkId() != null) {
            where.append(" and c.wijk_id = :wijkId");
            parameters.put("wijkId", filter.wijkId());
        }
        if (filter.status() != null) {
            where.append(" and c.status = :status");
            parameters.put("status", filter.status().name());
        }
        long total = jdbc.queryForObject("select count(*)" + where, parameters, Long.class);
        parameters.put("limit", pageable.getPageSize());
        parameters.put("offset", pageable.getOffset());
        List<UUID> ids = jdbc.queryForList("select c.id" + where + " order by c.opened_at desc, c.id limit :limit offset :offset",
                parameters, UUID.class);
        Map<UUID, CaseRow> byId = withHouseholds(ids);
        return new PageImpl<>(ids.stream().map(byId::get).toList(), pageable, total);
    }

    @Transactional(readOnly = true)
    public List<StepHistoryEntry> history(UUID caseId) {
        get(caseId);
        return history.findByCaseIdOrderByMovedAtAscIdAsc(caseId);
    }

    public record CaseFilter(Stage stage, String teamId, String wijkId, CaseStatus status) {
    }
}
