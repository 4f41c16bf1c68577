package nl.wijkroute.assessment;

import nl.wijkroute.privacy.access.AccessAction;
import nl.wijkroute.privacy.access.CaseAccess;
import nl.wijkroute.privacy.access.DataCategory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.wijkroute.household.HouseholdService;
import nl.wijkroute.household.HouseholdView;
import nl.wijkroute.household.Leefgebied;
import nl.wijkroute.regie.RegieService;
import nl.wijkroute.regie.RegieView;
import nl.wijkroute.route.CaseStatus;
import nl.wijkroute.route.RoutekaartIds;
import nl.wijkroute.route.SupportCaseService;
import nl.wijkroute.route.step.StepHandler;
import nl.wijkroute.signal.SignalService;
import nl.wijkroute.system.MunicipalTime;
import nl.wijkroute.system.problem.ConflictException;
import nl.wijkroute.system.problem.InvalidInputException;
import nl.wijkroute.system.problem.NotFoundException;
import nl.wijkroute.triage.TriageService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Vraagverheldering, levensbreed: every leefgebied that fits a member's age (see {@link LifeStage}) is, for
 * every member, scored or explicitly marked "niet van toepassing" or "niet besproken, omdat …"; the step
 * cannot move on to the plan while a cell is empty, nor without the real question (decision 0045).
 * What is recorded is a history: the evaluatie step records the scores again, and the change from the first
 * to the latest score per member and leefgebied is what the case file and the dashboard show.
 */
@Service
public class AssessmentService implements StepHandler<VraagverhelderingInput> {

    static final String OUTCOME_VARIABLE = "vraagverhelderingOutcome";

    private final LeefgebiedAssessmentRepository assessments;
    private final RealQuestionRepository realQuestions;
    private final SupportCaseService cases;
    private final SignalService signals;
    private final TriageService triage;
    private final AssessmentMapper mapper;
    private final Clock clock;
    private final CaseAccess access;
    private final RegieService regie;
    private final HouseholdService households;

    AssessmentService(LeefgebiedAssessmentRepository assessments, RealQuestionRepository realQuestions,
                      SupportCaseService cases, SignalService signals, TriageService triage, AssessmentMapper mapper,
                      Clock clock, CaseAccess access, RegieService regie, HouseholdService households) {
        this.households = households;
        this.regie = regie;
        this.access = access;
        this.assessments = assessments;
        this.realQuestions = realQuestions;
        this.cases = cases;
        this.signals = signals;
        this.triage = triage;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Records one cell of the grid (a new entry: an earlier one stays in the history). */
    @Transactional
    public VraagverhelderingView assess(UUID caseId, UUID memberId, Leefgebied leefgebied, AssessmentRequest request,
                                        String by) {
        access.require(caseId, DataCategory.ASSESSMENT, AccessAction.UPDATE);
        requireOpen(caseId);
        List<HouseholdView.Member> members = cases.membersOf(caseId);
        if (members.stream().noneMatch(member -> member.id().equals(memberId))) {
            throw new NotFoundException("Lid " + memberId + " hoort niet bij dit huishouden.", "memberId");
        }
        checkCell(request, "");
        assessments.save(new LeefgebiedAssessment(caseId, memberId, leefgebied, AssessmentMoment.VRAAGVERHELDERING,
                request, by, clock.instant()));
        // The members just read are the grid's rows: not read a second time for the answer.
        return viewOf(caseId, members);
    }

    /** Records several cells of the grid at once, all or none. */
    @Transactional
    public VraagverhelderingView assessAll(UUID caseId, AssessmentBatch batch, String by) {
        access.require(caseId, DataCategory.ASSESSMENT, AccessAction.UPDATE);
        requireOpen(caseId);
        List<HouseholdView.Member> members = cases.membersOf(caseId);
        record(caseId, members, batch.assessments(), AssessmentMoment.VRAAGVERHELDERING, by, "assessments");
        return viewOf(caseId, members);
    }

    /**
     * The evaluatie's scores, recorded in the completing transaction of the evaluatie step (the step's
     * handler decided access with the task). Field names under {@code field}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordEvaluation(UUID caseId, List<AssessmentCell> cells, String by, String field) {
        record(caseId, cases.membersOf(caseId), cells, AssessmentMoment.EVALUATIE, by, field);
    }

    @Transactional(readOnly = true)
    public VraagverhelderingView view(UUID caseId) {
        Optional<CaseAccess.Granted> granted = access.require(caseId, DataCategory.ASSESSMENT, AccessAction.READ);
        // The access check read the case's household: its members come from household directly, not via the case row.
        return viewOf(caseId, granted.map(CaseAccess.Granted::householdId).map(households::membersOf)
                .orElseGet(() -> cases.membersOf(caseId)));
    }

    /** The clarification as it stands, for a capability that already decided access (a handover's summary). */
    @Transactional(propagation = Propagation.MANDATORY)
    public VraagverhelderingView clarified(UUID caseId) {
        return viewOf(caseId, cases.membersOf(caseId));
    }

    /**
     * The self-sufficiency change per member and leefgebied for the household's regisseur: in full for the
     * roles that read assessments; for a partner organisation only while it holds the casusregie, and only
     * on the leefgebieden the household shared with it (otherwise 404, as out of scope; decision 0045).
     */
    @Transactional(readOnly = true)
    public List<VraagverhelderingView.ScoreChange> changesForRegisseur(UUID caseId) {
        Optional<CaseAccess.ConsentLimits> limits = access.consentLimits(caseId);
        if (limits.isEmpty()) {
            access.require(caseId, DataCategory.ASSESSMENT, AccessAction.READ);
            return changesOf(caseId, cases.membersOf(caseId));
        }
        // Decided before anything is logged: a partner in scope that does not hold the casusregie is refused
        // (logged as denied, answered as out of scope), not logged as having read the regie.
        RegieView.Holder casusregie = access.mayRead(caseId, DataCategory.REGIE) ? regie.currentCasusregie(caseId) : null;
        if (casusregie == null || limits.get().organisation() == null
                || !limits.get().organisation().equals(casusregie.holderOrganisation())) {
            throw access.refuse(caseId, DataCategory.ASSESSMENT, AccessAction.READ,
                    () -> new NotFoundException("Casus " + caseId + " bestaat niet."));
        }
        access.logInvolved(List.of(caseId), DataCategory.ASSESSMENT, AccessAction.READ);
        return changesOf(caseId, cases.membersOf(caseId)).stream()
                .filter(change -> limits.get().leefgebieden().contains(change.leefgebied().name()))
                .toList();
    }

    /**
     * The self-sufficiency change per member and leefgebied (first score against the latest), for a
     * capability that already decided access to the case (the case file reads it only for roles that may
     * read {@link DataCategory#ASSESSMENT}), with the members it already loaded.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<VraagverhelderingView.ScoreChange> changesOf(UUID caseId, List<HouseholdView.Member> members) {
        return changes(assessments.findScoresByCaseId(caseId), names(members));
    }

    private void record(UUID caseId, List<HouseholdView.Member> householdMembers, List<AssessmentCell> cells,
                        AssessmentMoment moment, String by, String field) {
        Set<UUID> members = householdMembers.stream().map(HouseholdView.Member::id).collect(Collectors.toSet());
        Set<String> seen = new HashSet<>();
        Instant now = clock.instant();
        List<LeefgebiedAssessment> entries = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            AssessmentCell cell = cells.get(i);
            String at = field + "[" + i + "]";
            if (!members.contains(cell.memberId())) {
                throw new InvalidInputException(at + ".memberId", "Lid " + cell.memberId() + " hoort niet bij dit huishouden.");
            }
            if (!seen.add(cell.memberId() + "/" + cell.leefgebied())) {
                throw new InvalidInputException(at + ".leefgebied", "Dit lid en leefgebied staan al eerder in deze lijst.");
            }
            checkCell(cell.assessment(), at + ".assessment.");
            entries.add(new LeefgebiedAssessment(caseId, cell.memberId(), cell.leefgebied(), moment, cell.assessment(), by, now));
        }
        // Written in one order (member, leefgebied): each score locks its cell's row of leefgebied_score_cell (V68)
        // until commit, so two requests writing overlapping cells of a case in different orders would deadlock.
        entries.sort(Comparator.comparing((LeefgebiedAssessment entry) -> entry.getMemberId())
                .thenComparing(entry -> entry.getLeefgebied().name()));
        assessments.saveAll(entries);
    }

    /** A score exactly when assessed; a reason when not discussed. */
    private static void checkCell(AssessmentRequest request, String prefix) {
        AssessmentStatus status = request.statusOrDefault();
        if (status == AssessmentStatus.ASSESSED && request.score() == null) {
            throw new InvalidInputException(prefix + "score", "Een score 1–5 is verplicht, of kies NIET_VAN_TOEPASSING of NIET_BESPROKEN.");
        }
        if (status != AssessmentStatus.ASSESSED && request.score() != null) {
            throw new InvalidInputException(prefix + "score", "Geen score bij " + status + ".");
        }
        if (status == AssessmentStatus.NIET_BESPROKEN && (request.reason() == null || request.reason().isBlank())) {
            throw new InvalidInputException(prefix + "reason", "Waarom is dit leefgebied niet besproken?");
        }
    }

    private void requireOpen(UUID caseId) {
        if (cases.statusOf(caseId) != CaseStatus.OPEN) {
            throw new ConflictException("De casus is niet open; vraagverheldering kan niet meer worden aangepast.");
        }
    }

    private VraagverhelderingView viewOf(UUID caseId, List<HouseholdView.Member> members) {
        Map<UUID, String> names = names(members);
        List<AssessmentRow> all = assessments.findRowsByCaseId(caseId);
        Map<String, AssessmentRow> latest = latestPerCell(all);
        LocalDate today = LocalDate.now(clock.withZone(MunicipalTime.ZONE));
        List<VraagverhelderingView.MemberGrid> grid = new ArrayList<>();
        List<VraagverhelderingView.CellRef> missingCells = new ArrayList<>();
        Set<Leefgebied> missing = EnumSet.noneOf(Leefgebied.class);
        for (HouseholdView.Member member : members) {
            LifeStage stage = LifeStage.of(member.birthDate(), today);
            List<VraagverhelderingView.GridCell> cells = new ArrayList<>();
            for (Leefgebied leefgebied : stage.leefgebieden()) {
                AssessmentRow entry = latest.get(key(member.id(), leefgebied));
                if (entry == null) {
                    missingCells.add(new VraagverhelderingView.CellRef(member.id(), leefgebied));
                    missing.add(leefgebied);
                    cells.add(new VraagverhelderingView.GridCell(leefgebied, null, null, null, null));
                } else {
                    cells.add(new VraagverhelderingView.GridCell(leefgebied, entry.status(), entry.score(),
                            entry.moment(), entry.assessedAt()));
                }
            }
            grid.add(new VraagverhelderingView.MemberGrid(member.id(), names.get(member.id()), stage, cells));
        }
        List<VraagverhelderingView.AssessmentView> history = all.stream()
                .sorted(Comparator.comparing(AssessmentRow::leefgebied)) // stable: recording order per leefgebied
                .map(a -> mapper.toView(a, names.get(a.memberId())))
                .toList();
        return new VraagverhelderingView(caseId, flagged(caseId), missing, history,
                realQuestions.newestOf(caseId).map(RealQuestion::getQuestion).orElse(null),
                grid, missingCells, changes(all.stream().map(AssessmentRow::scoreRow).toList(), names));
    }

    @Override
    public String taskKey() {
        return RoutekaartIds.VRAAGVERHELDERING;
    }

    @Override
    public Class<VraagverhelderingInput> inputType() {
        return VraagverhelderingInput.class;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Object> apply(UUID caseId, String actor, VraagverhelderingInput input) {
        if (input.outcome() == VraagverhelderingOutcome.BACK_TO_TRIAGE) {
            if (input.reason() == null || input.reason().isBlank()) {
                throw new InvalidInputException("reason", "Een reden is verplicht om terug te gaan naar triage.");
            }
            return Map.of(OUTCOME_VARIABLE, input.outcome().name());
        }
        if (input.realQuestion() == null || input.realQuestion().isBlank()) {
            throw new InvalidInputException("realQuestion", "Vat de eigenlijke vraag samen voordat het plan begint.");
        }
        Map<String, AssessmentRow> latest = latestPerCell(assessments.findRowsByCaseId(caseId));
        LocalDate today = LocalDate.now(clock.withZone(MunicipalTime.ZONE));
        Map<String, String> empty = new LinkedHashMap<>();
        for (HouseholdView.Member member : cases.membersOf(caseId)) {
            for (Leefgebied leefgebied : LifeStage.of(member.birthDate(), today).leefgebieden()) {
                if (!latest.containsKey(key(member.id(), leefgebied))) {
                    empty.put("assessments[memberId=" + member.id() + ",leefgebied=" + leefgebied + "]",
                            "Nog leeg: " + leefgebied + ". Beoordeel het, of markeer het als niet van toepassing of niet besproken (met reden).");
                }
            }
        }
        if (!empty.isEmpty()) {
            throw new InvalidInputException(empty);
        }
        realQuestions.save(new RealQuestion(caseId, input.realQuestion(), actor, clock.instant()));
        return Map.of(OUTCOME_VARIABLE, input.outcome().name());
    }

    /** The leefgebieden named in the case's signals plus those triage added: where the conversation starts. */
    private Set<Leefgebied> flagged(UUID caseId) {
        Set<Leefgebied> flagged = EnumSet.noneOf(Leefgebied.class);
        signals.viewsOf(caseId).forEach(signal -> flagged.addAll(signal.leefgebieden()));
        triage.latestOf(caseId).ifPresent(assessment -> flagged.addAll(assessment.leefgebieden()));
        return flagged;
    }

    private static Map<UUID, String> names(List<HouseholdView.Member> members) {
        return members.stream().collect(Collectors.toMap(HouseholdView.Member::id, m -> m.givenName() + " " + m.familyName()));
    }

    private static String key(UUID memberId, Leefgebied leefgebied) {
        return memberId + "/" + leefgebied;
    }

    /** The last entry per cell; {@code inOrder} is in recording order. */
    private static Map<String, AssessmentRow> latestPerCell(List<AssessmentRow> inOrder) {
        Map<String, AssessmentRow> latest = new LinkedHashMap<>();
        inOrder.forEach(entry -> latest.put(key(entry.memberId(), entry.leefgebied()), entry));
        return latest;
    }

    /** First and latest score per cell that was scored at least once; cells marked but never scored have no change. */
    private static List<VraagverhelderingView.ScoreChange> changes(List<ScoreRow> inOrder, Map<UUID, String> names) {
        Map<String, ScoreRow> first = new LinkedHashMap<>();
        Map<String, ScoreRow> last = new LinkedHashMap<>();
        inOrder.stream().filter(entry -> entry.score() != null).forEach(entry -> {
            first.putIfAbsent(key(entry.memberId(), entry.leefgebied()), entry);
            last.put(key(entry.memberId(), entry.leefgebied()), entry);
        });
        return first.entrySet().stream()
                .map(e -> {
                    ScoreRow start = e.getValue();
                    ScoreRow latest = Objects.requireNonNull(last.get(e.getKey()));
                    return new VraagverhelderingView.ScoreChange(start.memberId(), names.get(start.memberId()),
                            start.leefgebied(), start.score(), start.assessedAt(), latest.score(),
                            latest.assessedAt(), latest.moment(), latest.score() - start.score());
                })
                .sorted(Comparator.comparing(VraagverhelderingView.ScoreChange::member, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(VraagverhelderingView.ScoreChange::leefgebied))
                .toList();
    }
}
