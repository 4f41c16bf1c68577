package nl.wijkroute.reflection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import nl.wijkroute.system.MunicipalTime;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.wijkroute.dashboard.DashboardService;
import nl.wijkroute.household.HouseholdService;
import nl.wijkroute.system.paging.PageParams;
import nl.wijkroute.system.paging.PageView;
import nl.wijkroute.system.problem.ConflictException;
import nl.wijkroute.system.problem.InvalidInputException;
import nl.wijkroute.system.problem.NotFoundException;
import nl.wijkroute.system.security.CurrentUser;
import nl.wijkroute.system.security.Roles;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reflection sessions of the reflectietool "Ruimte geeft vaart" (issue 18). A manager organises a session
 * for a scope; its facilitator (or the organiser) runs it through bpmn/reflectie.bpmn; invited participants
 * score the nine themes before the conversation. Who may do what on a session follows from their part in
 * it: organiser (the manager role), facilitator (named on the session) or participant (invited). Anyone
 * else gets 404, like a session that does not exist.
 */
@Service
public class ReflectionService {

    static final String PROCESS = ReflectieIds.PROCESS;
    static final ZoneId MUNICIPALITY_ZONE = MunicipalTime.ZONE;
    private static final Duration MAX_EVIDENCE_PERIOD = Duration.ofDays(3 * 366);
    static final int MIN_PARTICIPANTS = 8;
    static final int MAX_PARTICIPANTS = 15;
    static final int MIN_PERSPECTIVES = 3;

    enum Part { ORGANISER, FACILITATOR, PARTICIPANT }

    /** The user task of bpmn/reflectie.bpmn that each status waits in. */
    private static final Map<String, SessionStatus> STATUS_OF_STEP = Map.of(
            ReflectieIds.VOORBEREIDEN, SessionStatus.PLANNED, ReflectieIds.SCOREN, SessionStatus.SCORING,
            ReflectieIds.PRIORITEREN, SessionStatus.PRIORITISING, ReflectieIds.GESPREK, SessionStatus.CONVERSATION,
            ReflectieIds.ACTIES, SessionStatus.ACTIONS, ReflectieIds.GESLOTEN, SessionStatus.CLOSED);

    private final ReflectionStore store;
    private final ReflectionEvidence evidence;
    private final DashboardService dashboard;
    private final HouseholdService households;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ObjectMapper json;
    private final Clock clock;
    private final String reminderCycle;

    ReflectionService(ReflectionStore store, ReflectionEvidence evidence, DashboardService dashboard,
                      HouseholdService households, RuntimeService runtime, TaskService tasks, ObjectMapper json, Clock clock,
                      @Value("${wijkroute.reflection.action-reminder-cycle:R/P7D}") String reminderCycle) {
        this.store = store;
        this.evidence = evidence;
        this.dashboard = dashboard;
        this.households = households;
        this.runtime = runtime;
        this.tasks = tasks;
        this.json = json;
        this.clock = clock;
        this.reminderCycle = reminderCycle;
    }

    // Organising

    @Transactional
    public ReflectionDtos.SessionView create(ReflectionDtos.CreateSession input, CurrentUser user) {
        String scopeId = scope(input.scopeType(), input.scopeId(), "scopeId");
        Instant now = clock.instant();
        Instant closes = input.scoringClosesAt() != null ? input.scoringClosesAt()
                : input.date().atStartOfDay(MUNICIPALITY_ZONE).toInstant();
        if (!closes.isAfter(now)) {
            throw new InvalidInputException(input.scoringClosesAt() != null ? "scoringClosesAt" : "date",
                    "De scoreronde moet nog open zijn: het sluiten ligt in het verleden.");
        }
        if (closes.isAfter(input.date().plusDays(1).atStartOfDay(MUNICIPALITY_ZONE).toInstant())) {
            throw new InvalidInputException("scoringClosesAt", "Deelnemers scoren vóór het gesprek: uiterlijk op de sessiedag.");
        }
        LocalDate to = input.evidenceTo() != null ? input.evidenceTo() : input.date().minusDays(1);
        LocalDate from = input.evidenceFrom() != null ? input.evidenceFrom() : to.minusDays(89);
        if (from.isAfter(to)) {
            throw new InvalidInputException("evidenceFrom", "Het begin van de periode ligt na het einde.");
        }
        if (Duration.between(from.atStartOfDay(), to.atStartOfDay()).compareTo(MAX_EVIDENCE_PERIOD) > 0) {
            throw new InvalidInputException("evidenceFrom", "De periode is hoogstens drie jaar.");
        }
        UUID id = UUID.randomUUID();
        UUID previous = store.previousSession(input.scopeType(), scopeId, input.date()).orElse(null);
        store.insertSession(new ReflectionStore.SessionRow(id, input.scopeType(), scopeId, input.form(), input.date(),
                input.facilitatorId(), user.id(), previous, SessionStatus.PLANNED, closes, from, to, null, null, List.of(),
                now, null));
        runtime.startProcessInstanceByKey(PROCESS, id.toString(), Map.of("sessionId", id.toString(),
                "facilitator", input.facilitatorId(), "scoringClosesAt", Date.from(closes),
                "actionReminderCycle", reminderCycle));
        return view(store.session(id).orElseThrow(), user);
    }

    @Transactional
    public ReflectionDtos.SessionView invite(UUID sessionId, ReflectionDtos.InviteParticipant input, CurrentUser user) {
        ReflectionStore.SessionRow session = runBy(sessionId, user);
        requireStatus(session, EnumSet.of(SessionStatus.PLANNED, SessionStatus.SCORING), "uitnodigen");
        if (store.participants(sessionId).stream().anyMatch(p -> p.userId().equals(input.userId()))) {
            throw new InvalidInputException("userId", "Deze deelnemer is al uitgenodigd.");
        }
        PersonalDataGuard.check("discipline", input.discipline());
        store.insertParticipant(new ReflectionStore.ParticipantRow(UUID.randomUUID(), sessionId, input.userId(),
                input.perspective(), input.discipline()), user.id(), clock.instant());
        return view(store.session(sessionId).orElseThrow(), user);
    }

    // Running: each step completes the user task the session waits in; the engine writes the status.

    @Transactional
    public ReflectionDtos.SessionView startScoring(UUID sessionId, CurrentUser user) {
        ReflectionStore.SessionRow session = runBy(sessionId, user);
        requireStatus(session, EnumSet.of(SessionStatus.PLANNED), "de scoreronde openen");
        complete(session, ReflectieIds.VOORBEREIDEN, Map.of());
        return view(store.session(sessionId).orElseThrow(), user);
    }

    @Transactional
    public ReflectionDtos.ScoresReceipt score(UUID sessionId, ReflectionDtos.ScoresInput input, CurrentUser user) {
        ReflectionStore.SessionRow session = store.sessionForUpdate(sessionId).orElseThrow(this::notFound);
        Set<Part> parts = parts(session, user);
        ReflectionStore.ParticipantRow me = store.participants(sessionId).stream()
                .filter(p -> p.userId().equals(user.id())).findFirst().orElse(null);
        if (me == null) {
            throw new AccessDeniedException("Alleen uitgenodigde deelnemers scoren.");
        }
        requireStatus(session, EnumSet.of(SessionStatus.SCORING), "scoren (de scores liggen vast zodra het prioriteren begint)");
        for (ReflectionTheme theme : ReflectionTheme.values()) {
            if (!input.scores().containsKey(theme) || input.scores().get(theme) == null) {
                throw new InvalidInputException("scores." + theme.name(), "Scoor alle negen thema's (1 tot 10).");
            }
        }
        store.replaceScores(me.id(), sessionId, input.scores(), clock.instant());
        return new ReflectionDtos.ScoresReceipt(sessionId, input.scores().size());
    }

    @Transactional
    public ReflectionDtos.SessionView closeScoring(UUID sessionId, CurrentUser user) {
        ReflectionStore.SessionRow session = runBy(sessionId, user);
        requireStatus(session, EnumSet.of(SessionStatus.SCORING), "de scoreronde sluiten");
        complete(session, ReflectieIds.SCOREN, Map.of());
        return view(store.session(sessionId).orElseThrow(), user);
    }

    @Transactional
    public ReflectionDtos.SessionView choosePriorities(UUID sessionId, ReflectionDtos.PrioritiesInput input, CurrentUser user) {
        ReflectionStore.SessionRow session = runBy(sessionId, user);
        requireStatus(session, EnumSet.of(SessionStatus.PRIORITISING), "thema's kiezen");
        if (input.themes().stream().distinct().count() != input.themes().size()) {
            throw new InvalidInputException("themes", "Elk thema hoogstens één keer.");
        }
        store.chooseThemes(sessionId, input.themes());
        complete(session, ReflectieIds.PRIORITEREN, Map.of());
        return view(store.session(sessionId).orElseThrow(), user);
    }

    @Transactional
    public ReflectionDtos.NoteView note(UUID sessionId, ReflectionTheme theme, ReflectionDtos.NoteInput input, CurrentUser user) {
        ReflectionStore.SessionRow session = runBy(sessionId, user);
        requireStatus(session, EnumSet.of(SessionStatus.CONVERSATION, SessionStatus.ACTIONS), "gespreksnotities vastleggen");
        if (!session.chosenThemes().contains(theme)) {
            throw new InvalidInputException("theme", "Dit thema is niet gekozen voor het gesprek.");
        }
        PersonalDataGuard.check("knelpunten", input.knelpunten());
        PersonalDataGuard.check("casus", input.casus());
        PersonalDataGuard.check("oplossingsrichtingen", input.oplossingsrichtingen());
        if (input.stellingen() != null) {
            for (int i = 0; i < input.stellingen().size(); i++) {
                PersonalDataGuard.check("stellingen[" + i + "].text", input.stellingen().get(i).text());
            }
        }
        store.upsertNote(sessionId, theme, input, user.id(), clock.instant());
        return store.notes(sessionId).stream().filter(n -> n.theme() == theme).findFirst().orElseThrow();
    }

    @Transactional
    public ReflectionDtos.SessionView closeConversation(UUID sessionId, CurrentUser user) {
        ReflectionStore.SessionRow session = runBy(sessionId, user);
        requireStatus(session, EnumSet.of(SessionStatus.CONVERSATION), "het gesprek afronden");
        complete(session, ReflectieIds.GESPREK, Map.of());
        return view(store.session(sessionId).orElseThrow(), user);
    }

    @Transactional
    public ReflectionDtos.ActionView addAction(UUID sessionId, ReflectionDtos.ActionInput input, CurrentUser user) {
        ReflectionStore.SessionRow session = runBy(sessionId, user);
        requireStatus(session, EnumSet.of(SessionStatus.ACTIONS), "acties afspreken");
        PersonalDataGuard.check("goal", input.goal());
        PersonalDataGuard.check("tomorrow", input.tomorrow());
        PersonalDataGuard.check("needs", input.needs());
        PersonalDataGuard.check("owner", input.owner());
        PersonalDataGuard.check("policyOwner", input.policyOwner());
        if (ReflectionDtos.policyChange(input) && (input.policyOwner() == null || input.policyOwner().isBlank())) {
            throw new InvalidInputException("policyOwner", "Wie is eigenaar van de beleidswijziging?");
        }
        LocalDate start = input.startDate() != null ? input.startDate() : session.date();
        LocalDate evaluation = input.evaluationDate() != null ? input.evaluationDate() : start.plusMonths(1);
        if (evaluation.isBefore(start)) {
            throw new InvalidInputException("evaluationDate", "De evaluatie ligt vóór de start.");
        }
        UUID id = UUID.randomUUID();
        store.insertAction(id, sessionId, input, start, evaluation, user.id(), clock.instant());
        return store.action(id, today()).orElseThrow();
    }

    @Transactional
    public ReflectionDtos.ActionView evaluate(UUID actionId, ReflectionDtos.EvaluationInput input, CurrentUser user) {
        ReflectionDtos.ActionView action = store.action(actionId, today())
                .orElseThrow(() -> new NotFoundException("Deze actie bestaat niet."));
        runBy(action.sessionId(), user);
        if (!"OPEN".equals(action.status())) {
            throw new ConflictException("Deze actie is al geëvalueerd.");
        }
        PersonalDataGuard.check("evaluation", input.evaluation());
        store.evaluate(actionId, input.evaluation(), user.id(), clock.instant());
        return store.action(actionId, today()).orElseThrow();
    }

    @Transactional
    public ReflectionDtos.SessionView close(UUID sessionId, CurrentUser user) {
        ReflectionStore.SessionRow session = runBy(sessionId, user);
        requireStatus(session, EnumSet.of(SessionStatus.ACTIONS), "de sessie sluiten");
        complete(session, ReflectieIds.ACTIES, Map.of());
        return view(store.session(sessionId).orElseThrow(), user);
    }

    // Reading

    @Transactional(readOnly = true)
    public ReflectionDtos.SessionView get(UUID sessionId, CurrentUser user) {
        return view(store.session(sessionId).orElseThrow(this::notFound), user);
    }

    @Transactional(readOnly = true)
    public PageView<ReflectionDtos.SessionView> list(PageParams paging, CurrentUser user) {
        boolean all = user.hasRole(Roles.MANAGER);
        List<ReflectionDtos.SessionView> items = store.sessions(user.id(), all, paging.offset(), paging.size()).stream()
                .map(session -> view(session, user)).toList();
        return PageView.of(items, paging, store.countSessions(user.id(), all));
    }

    /** The scores as aggregates, once scoring has closed (before, they would steer whoever has not scored yet). */
    @Transactional(readOnly = true)
    public ReflectionDtos.ResultsView results(UUID sessionId, CurrentUser user) {
        ReflectionStore.SessionRow session = store.session(sessionId).orElseThrow(this::notFound);
        parts(session, user);
        if (EnumSet.of(SessionStatus.PLANNED, SessionStatus.SCORING).contains(session.status())) {
            throw new ConflictException("De uitslag is te zien zodra de scoreronde gesloten is.");
        }
        return results(session);
    }

    @Transactional(readOnly = true)
    public ReflectionDtos.ReportView report(UUID sessionId, CurrentUser user) {
        ReflectionStore.SessionRow session = store.session(sessionId).orElseThrow(this::notFound);
        parts(session, user);
        boolean scored = !EnumSet.of(SessionStatus.PLANNED, SessionStatus.SCORING).contains(session.status());
        LocalDate today = today();
        return new ReflectionDtos.ReportView(view(session, user), scored ? results(session) : null,
                frozenEvidence(session), store.notes(sessionId), store.actions(sessionId, today),
                store.carriedOver(session, today), knelpunten(session));
    }

    @Transactional(readOnly = true)
    public PageView<ReflectionDtos.ActionView> openActions(PageParams paging, boolean overdueOnly) {
        LocalDate today = today();
        return PageView.of(store.openActions(today, overdueOnly, paging.offset(), paging.size()), paging,
                store.countOpenActions(today, overdueOnly));
    }

    @Transactional(readOnly = true)
    public ReflectionDtos.ActionSummary actionSummary() {
        LocalDate today = today();
        return new ReflectionDtos.ActionSummary(store.countOpenActions(today, false), store.countOpenActions(today, true));
    }

    /** Per theme the median and mean of every scored session of the scope, oldest first. */
    @Transactional(readOnly = true)
    public List<ReflectionDtos.ThemeTrend> trend(ScopeType scopeType, String scopeId) {
        String scope = scope(scopeType, scopeId, "scopeId");
        Map<ReflectionTheme, List<ReflectionDtos.TrendPoint>> points = new TreeMap<>();
        for (ReflectionTheme theme : ReflectionTheme.values()) {
            points.put(theme, new java.util.ArrayList<>());
        }
        for (ReflectionStore.SessionRow session : store.sessionsOfScope(scopeType, scope)) {
            if (EnumSet.of(SessionStatus.PLANNED, SessionStatus.SCORING).contains(session.status())) {
                continue;
            }
            for (ReflectionResults.ThemeResult result : ReflectionResults.compute(store.scores(session.id()), dashboard.minGroupSize())) {
                points.get(result.theme()).add(new ReflectionDtos.TrendPoint(session.id(), session.date(), result.median(),
                        result.mean(), result.n()));
            }
        }
        return points.entrySet().stream().map(e -> new ReflectionDtos.ThemeTrend(e.getKey(), e.getKey().label(), e.getValue()))
                .toList();
    }

    @Transactional
    public ReflectionDtos.KnelpuntView fileKnelpunt(ReflectionDtos.KnelpuntInput input, CurrentUser user) {
        String scopeId = scope(input.scopeType(), input.scopeId(), "scopeId");
        PersonalDataGuard.check("description", input.description());
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        store.insertKnelpunt(id, new ReflectionDtos.KnelpuntInput(input.theme(), input.scopeType(), scopeId,
                input.description()), user.id(), now);
        return new ReflectionDtos.KnelpuntView(id, input.theme(), input.scopeType(), scopeId, input.description(), now);
    }

    public List<ReflectionDtos.ThemeView> themes() {
        return java.util.Arrays.stream(ReflectionTheme.values()).map(theme -> new ReflectionDtos.ThemeView(theme,
                theme.label(), theme.description(), theme.schaalvraag(), ReflectionTheme.SCALE)).toList();
    }

    // Called by bpmn/reflectie.bpmn

    /** The engine entered a step: the copy of where the session stands follows, in the engine's transaction. */
    @Transactional
    public void entered(UUID sessionId, String activityId) {
        SessionStatus status = STATUS_OF_STEP.get(activityId);
        if (status != null) {
            store.status(sessionId, status, clock.instant());
        }
    }

    /**
     * Scoring closed (by the facilitator or the timer): the scores are locked from here on (the status moves
     * on in the same transaction) and the route's evidence for the scope and period is computed and frozen.
     */
    @Transactional
    public void scoringClosed(UUID sessionId) {
        ReflectionStore.SessionRow session = store.sessionForUpdate(sessionId).orElseThrow(this::notFound);
        store.freezeEvidence(sessionId, evidence.compute(session.scopeType(), session.scopeId(), session.evidenceFrom(),
                session.evidenceTo()), clock.instant());
    }

    /** The weekly reminder while actions run: every overdue open action of the session counts one more. */
    @Transactional
    public int remindActions(UUID sessionId) {
        return store.remindOverdue(sessionId, today(), clock.instant());
    }

    // Helpers

    private ReflectionDtos.ResultsView results(ReflectionStore.SessionRow session) {
        List<ReflectionResults.ThemeResult> themes = ReflectionResults.compute(store.scores(session.id()), dashboard.minGroupSize());
        return new ReflectionDtos.ResultsView(session.id(), session.status(), store.participants(session.id()).size(),
                store.scoredParticipants(session.id()), themes,
                themes.stream().filter(ReflectionResults.ThemeResult::verschilInBeleving)
                        .map(ReflectionResults.ThemeResult::theme).toList());
    }

    private JsonNode frozenEvidence(ReflectionStore.SessionRow session) {
        try {
            return session.evidence() == null ? null : json.readTree(session.evidence());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot read frozen evidence", e);
        }
    }

    /** Knelpunten of the scope filed since the previous session of the scope (or ever) up to now. */
    private List<ReflectionDtos.KnelpuntView> knelpunten(ReflectionStore.SessionRow session) {
        Instant since = session.previousSessionId() == null ? Instant.EPOCH
                : store.session(session.previousSessionId()).map(ReflectionStore.SessionRow::createdAt).orElse(Instant.EPOCH);
        return store.knelpunten(session.scopeType(), session.scopeId(), since, clock.instant().plusSeconds(1));
    }

    private ReflectionDtos.SessionView view(ReflectionStore.SessionRow session, CurrentUser user) {
        Set<Part> parts = parts(session, user);
        List<ReflectionStore.ParticipantRow> participants = store.participants(session.id());
        boolean runs = parts.contains(Part.ORGANISER) || parts.contains(Part.FACILITATOR);
        ReflectionStore.ParticipantRow me = participants.stream().filter(p -> p.userId().equals(user.id())).findFirst()
                .orElse(null);
        Map<Perspective, Long> perspectives = participants.stream().collect(Collectors.groupingBy(
                ReflectionStore.ParticipantRow::perspective, () -> new java.util.EnumMap<>(Perspective.class), Collectors.counting()));
        return new ReflectionDtos.SessionView(session.id(), session.scopeType(), session.scopeId(), session.form(),
                session.date(), session.facilitator(), session.previousSessionId(), session.status(),
                session.scoringClosesAt(), session.evidenceFrom(), session.evidenceTo(), session.chosenThemes(),
                parts.contains(Part.ORGANISER) ? "ORGANISER" : parts.contains(Part.FACILITATOR) ? "FACILITATOR" : "PARTICIPANT",
                me != null && store.hasScored(me.id()), participants.size(), store.scoredParticipants(session.id()),
                perspectives,
                runs ? participants.stream().map(p -> new ReflectionDtos.ParticipantView(p.id(), p.userId(), p.perspective(),
                        p.discipline())).toList() : List.of(),
                warnings(session.form(), participants.size(), perspectives));
    }

    /** Warnings, never refusals: the tool asks for 8 to 15 people from at least three perspectives. */
    static List<ReflectionDtos.Warning> warnings(SessionForm form, int participants, Map<Perspective, Long> perspectives) {
        List<ReflectionDtos.Warning> warnings = new java.util.ArrayList<>();
        if (participants < MIN_PARTICIPANTS) {
            warnings.add(new ReflectionDtos.Warning("TOO_FEW_PARTICIPANTS",
                    "Minder dan " + MIN_PARTICIPANTS + " deelnemers: de tool vraagt 8 tot 15 personen."));
        }
        if (participants > MAX_PARTICIPANTS) {
            warnings.add(new ReflectionDtos.Warning("TOO_MANY_PARTICIPANTS",
                    "Meer dan " + MAX_PARTICIPANTS + " deelnemers: de tool vraagt 8 tot 15 personen."));
        }
        if (perspectives.size() < MIN_PERSPECTIVES) {
            warnings.add(new ReflectionDtos.Warning("FEW_PERSPECTIVES",
                    "Minder dan drie perspectieven: nodig mensen uit verschillende disciplines uit."));
        }
        if (form == SessionForm.DOMPELSESSIE && !perspectives.containsKey(Perspective.INWONER)) {
            warnings.add(new ReflectionDtos.Warning("DOMPELSESSIE_WITHOUT_INWONER",
                    "Een dompelsessie vraagt inwoners of cliëntvertegenwoordigers."));
        }
        if (form == SessionForm.DOMPELSESSIE && !perspectives.containsKey(Perspective.BELEID)) {
            warnings.add(new ReflectionDtos.Warning("DOMPELSESSIE_WITHOUT_BELEID",
                    "Een dompelsessie vraagt beleidsmedewerkers."));
        }
        return warnings;
    }

    private Set<Part> parts(ReflectionStore.SessionRow session, CurrentUser user) {
        Set<Part> parts = EnumSet.noneOf(Part.class);
        if (user.hasRole(Roles.MANAGER)) {
            parts.add(Part.ORGANISER);
        }
        if (session.facilitator().equals(user.id())) {
            parts.add(Part.FACILITATOR);
        }
        if (store.participants(session.id()).stream().anyMatch(p -> p.userId().equals(user.id()))) {
            parts.add(Part.PARTICIPANT);
        }
        if (parts.isEmpty()) {
            throw notFound();
        }
        return parts;
    }

    /** The session locked for a step that only its organiser or facilitator takes. */
    private ReflectionStore.SessionRow runBy(UUID sessionId, CurrentUser user) {
        ReflectionStore.SessionRow session = store.sessionForUpdate(sessionId).orElseThrow(this::notFound);
        Set<Part> parts = parts(session, user);
        if (!parts.contains(Part.ORGANISER) && !parts.contains(Part.FACILITATOR)) {
            throw new AccessDeniedException("Alleen de organisator of de gespreksleider leidt de sessie.");
        }
        return session;
    }

    private static void requireStatus(ReflectionStore.SessionRow session, Set<SessionStatus> allowed, String what) {
        if (!allowed.contains(session.status())) {
            throw new ConflictException("De sessie staat op " + session.status() + "; " + what + " kan alleen bij "
                    + allowed + ".", Map.of("status", session.status().name()));
        }
    }

    private void complete(ReflectionStore.SessionRow session, String taskKey, Map<String, Object> variables) {
        Task task = tasks.createTaskQuery().processDefinitionKey(PROCESS).processInstanceBusinessKey(session.id().toString())
                .taskDefinitionKey(taskKey).singleResult();
        if (task == null) {
            throw new ConflictException("De sessie wacht niet op deze stap.");
        }
        tasks.complete(task.getId(), new LinkedHashMap<>(variables));
    }

    private String scope(ScopeType type, String scopeId, String field) {
        boolean blank = scopeId == null || scopeId.isBlank();
        switch (type) {
            case MUNICIPALITY -> {
                if (!blank) {
                    throw new InvalidInputException(field, "De hele gemeente heeft geen team of wijk.");
                }
                return null;
            }
            case TEAM -> {
                if (blank || !households.teamExists(scopeId)) {
                    throw new InvalidInputException(field, "Onbekend team.");
                }
            }
            case WIJK -> {
                if (blank || !households.wijkExists(scopeId)) {
                    throw new InvalidInputException(field, "Onbekende wijk.");
                }
            }
        }
        return scopeId;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(MUNICIPALITY_ZONE));
    }

    private NotFoundException notFound() {
        return new NotFoundException("Deze reflectiesessie bestaat niet.");
    }
}
