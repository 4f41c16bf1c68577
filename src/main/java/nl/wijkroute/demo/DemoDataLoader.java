package nl.wijkroute.demo;

import java.time.Duration;
import java.time.LocalDate;
import nl.wijkroute.system.MunicipalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.wijkroute.assessment.AssessmentRequest;
import nl.wijkroute.assessment.AssessmentService;
import nl.wijkroute.assessment.AssessmentBatch;
import nl.wijkroute.assessment.AssessmentCell;
import nl.wijkroute.assessment.AssessmentStatus;
import nl.wijkroute.assessment.VraagverhelderingInput;
import nl.wijkroute.assessment.VraagverhelderingView;
import nl.wijkroute.assessment.VraagverhelderingOutcome;
import nl.wijkroute.household.Leefgebied;
import nl.wijkroute.partner.OrganisationService;
import nl.wijkroute.plan.AgreementRequest;
import nl.wijkroute.plan.PlanContent;
import nl.wijkroute.plan.PlanOutcome;
import nl.wijkroute.plan.PlanRequest;
import nl.wijkroute.plan.PlanService;
import nl.wijkroute.plan.PlanStepInput;
import nl.wijkroute.plan.PlanViews;
import nl.wijkroute.regie.RegieService;
import nl.wijkroute.escalation.EscalationCause;
import nl.wijkroute.escalation.EscalationDtos;
import nl.wijkroute.escalation.EscalationService;
import nl.wijkroute.toegang.Law;
import nl.wijkroute.toegang.ToegangDtos;
import nl.wijkroute.toegang.ToegangService;
import nl.wijkroute.handover.Handover;
import nl.wijkroute.handover.HandoverContent;
import nl.wijkroute.handover.HandoverRequest;
import nl.wijkroute.handover.HandoverService;
import nl.wijkroute.partner.OrganisationType;
import nl.wijkroute.route.SupportCaseService;
import nl.wijkroute.route.CaseReads;
import nl.wijkroute.route.RouteTaskService;
import nl.wijkroute.route.TaskView;
import nl.wijkroute.route.step.RouteSteps;
import nl.wijkroute.route.step.StepInput;
import nl.wijkroute.signal.SignalRequest;
import nl.wijkroute.signal.SignalService;
import nl.wijkroute.signal.SourceType;
import nl.wijkroute.system.security.CurrentUser;
import nl.wijkroute.system.security.Roles;
import nl.wijkroute.triage.ProblemScope;
import nl.wijkroute.triage.TriageInput;
import nl.wijkroute.triage.TriageRoute;
import nl.wijkroute.triage.Urgency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo households at different steps of the route, in the spirit of the casussen in the seed
 * documents. They travel the route through the same services and BPMN as real work (no SQL
 * shortcuts), so the engine and the case rows agree. Loaded once: a restart finds them and skips.
 */
@Component
// Both the dev profile and the property: fake households must never reach a real database because a
// property was copied into another environment.
@Profile("dev")
@ConditionalOnProperty(name = "wijkroute.demo-data", havingValue = "true")
@Order(10)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private static final CurrentUser FRONTOFFICE = new CurrentUser("5e1f0000-0000-4000-8000-000000000001", "frontoffice", Set.of(Roles.FRONTOFFICE), null, null, null);
    private static final CurrentUser COACH_NOORD = new CurrentUser("5e1f0000-0000-4000-8000-000000000002", "wijkcoach", Set.of(Roles.WIJKTEAM), "team-noord", "noord", null);
    private static final CurrentUser COACH_ZUID = new CurrentUser("5e1f0000-0000-4000-8000-000000000003", "wijkcoach2", Set.of(Roles.WIJKTEAM), "team-zuid", "zuid", null);
    private static final CurrentUser PARTNER = new CurrentUser("5e1f0000-0000-4000-8000-000000000006", "partner-ggz", Set.of(Roles.PARTNER), null, null, "ggz-breburg");

    private final SignalService signals;
    private final RouteTaskService tasks;
    private final SupportCaseService cases;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final AssessmentService assessments;
    private final OrganisationService organisations;
    private final PlanService plans;
    private final RegieService regie;
    private final HandoverService handovers;
    private final ToegangService toegang;
    private final EscalationService escalations;
    private final SyntheticHistory syntheticHistory;
    private final int syntheticCases;
    private final CaseReads caseReads;

    DemoDataLoader(SignalService signals, RouteTaskService tasks, SupportCaseService cases, CaseReads caseReads,
                   TransactionTemplate transaction,
                   JdbcTemplate jdbc, AssessmentService assessments, OrganisationService organisations, PlanService plans,
                   RegieService regie, HandoverService handovers, ToegangService toegang, EscalationService escalations,
                   SyntheticHistory syntheticHistory, @Value("${wijkroute.demo-history.cases:0}") int syntheticCases) {
        this.caseReads = caseReads;
        this.syntheticHistory = syntheticHistory;
        this.syntheticCases = syntheticCases;
        this.toegang = toegang;
        this.escalations = escalations;
        this.regie = regie;
        this.handovers = handovers;
        this.plans = plans;
        this.organisations = organisations;
        this.assessments = assessments;
        this.signals = signals;
        this.tasks = tasks;
        this.cases = cases;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        loadOrganisations();
        loadSyntheticHistory();
        // Demo households are recognisable by their postcodes (49xx DM), which no real address in this set uses.
        Integer existing = jdbc.queryForObject("select count(*) from household where postcode like '49__ DM'", Integer.class);
        if (existing != null && existing > 0) {
            log.info("Demo data already present ({} households); not loaded again.", existing);
            return;
        }
        List<UUID> loaded = new ArrayList<>();
        // Jolanda: debts, work & income and care at once: the full route, now in regie.
        UUID jolanda = signal(household("Huishouden Jolanda", "noord", "4901 DM",
                        // The dev realm's resident "inwoner" signs in with this (test) BSN and sees this household.
                        member("Jolanda", "Verbeek", "1976-02-14", "999990019"), member("Sven", "Verbeek", "2009-06-30")),
                SourceType.PARTNER, "Schuldhulp Stad", "Betalingsachterstanden huur en energie; WW loopt af; "
                        + "zoon spijbelt. Jolanda geeft aan overal tegenaan te lopen.",
                Set.of(Leefgebied.FINANCIEN, Leefgebied.WERK_EN_OPLEIDING, Leefgebied.OPVOEDEN_EN_OPGROEIEN,
                        Leefgebied.GEESTELIJKE_GEZONDHEID), Urgency.HIGH, false, PARTNER);
        complete(jolanda, "triage", COACH_NOORD, new TriageInput(Urgency.HIGH, false, ProblemScope.MULTIPLE,
                TriageRoute.FULL_ROUTE, "Meervoudige problematiek: schulden, werk en inkomen, zorg om zoon.", null));
        assessFlagged(jolanda, COACH_NOORD);
        complete(jolanda, "vraagverheldering", COACH_NOORD, new VraagverhelderingInput(
                VraagverhelderingOutcome.TO_PLAN, "Rust in de financiën zodat er ruimte is voor werk en voor Sven.", null));
        agreedPlan(jolanda, COACH_NOORD, List.of(
                goal(Leefgebied.FINANCIEN, "Grip op geld en schulden", "Schulden in een regeling, vaste lasten op tijd betaald",
                        action("Schuldhulptraject starten en beslagen bundelen", PlanContent.OwnerType.PARTNER, "schuldhulp-stad"),
                        action("Post samen openen, elke week", PlanContent.OwnerType.NETWORK, null)),
                goal(Leefgebied.WERK_EN_OPLEIDING, "Aan het werk na de WW", "Een baan of opleidingsplek van minstens 24 uur",
                        action("Gesprek klantmanager over werk en inkomen", PlanContent.OwnerType.PARTNER, "werk-en-inkomen"),
                        action("Cv bijwerken", PlanContent.OwnerType.HOUSEHOLD, null)),
                goal(Leefgebied.GEESTELIJKE_GEZONDHEID, "Rust in het hoofd", "Slaapt weer, minder piekeren",
                        action("Intake bij de POH-GGZ en zo nodig GGZ", PlanContent.OwnerType.PARTNER, "ggz-breburg"))));
        complete(jolanda, "plan", COACH_NOORD, new PlanStepInput(PlanOutcome.TO_REGIE,
                LocalDate.now(MunicipalTime.ZONE).plusWeeks(6), null, null, null));
        // The wijkcoach takes the casusregie and offers the GGZ part of the plan to GGZ Breburg: a
        // pending warme overdracht that partner-ggz finds under GET /api/v1/handovers.
        regie.take(jolanda, COACH_NOORD, "Jolanda kan de regie nu niet zelf voeren; met haar besproken.");
        offerGgzActions(jolanda);
        loaded.add(jolanda);

        // Mo: a worried neighbour, acute safety concern: Veilig Thuis first.
        UUID mo = signal(household("Huishouden Mo", "zuid", "4902 DM",
                        member("Mo", "Bakkali", "1981-11-03"), member("Yasmina", "Bakkali", "1984-04-21"),
                        member("Adam", "Bakkali", "2016-09-09")),
                SourceType.RESIDENT, null, "Buurvrouw hoort 's nachts geschreeuw en een huilend kind.",
                Set.of(Leefgebied.VEILIGHEID, Leefgebied.HUISELIJKE_RELATIES), Urgency.CRISIS, true, FRONTOFFICE);
        complete(mo, "triage", COACH_ZUID, new TriageInput(Urgency.CRISIS, true, ProblemScope.MULTIPLE,
                TriageRoute.SAFETY_FIRST, "Acute zorg om veiligheid kind; Meldcode gevolgd.", null));
        loaded.add(mo);

        // Helena: one clear question: toeleiding to a voorziening.
        UUID helena = signal(household("Huishouden Helena", "centrum", "4903 DM", member("Helena", "de Graaf", "1941-07-19")),
                SourceType.FRONTOFFICE, null, "Vraagt hulp bij het huishouden na een heupoperatie.",
                Set.of(Leefgebied.INSTRUMENTELE_ADL), Urgency.NORMAL, false, FRONTOFFICE);
        complete(helena, "triage", FRONTOFFICE, new TriageInput(Urgency.NORMAL, false, ProblemScope.SINGLE,
                TriageRoute.SHORT_ROUTE, "Enkelvoudige vraag: huishoudelijke ondersteuning.", null));
        // Her Wmo melding came in 38 days ago: the six-week onderzoek term is nearly up.
        toegang.request(helena, new ToegangDtos.ToegangRequestInput(Law.WMO, "Huishoudelijke ondersteuning", null,
                LocalDate.now(MunicipalTime.ZONE).minusDays(38), false), COACH_NOORD.username());
        loaded.add(helena);

        // Robert: advice was enough ("durf ook niets te doen").
        UUID robert = signal(household("Huishouden Robert", "haven", "4904 DM", member("Robert", "Jansen", "1990-01-05")),
                SourceType.FRONTOFFICE, null, "Vraag over de energietoeslag.", Set.of(Leefgebied.FINANCIEN),
                Urgency.LOW, false, FRONTOFFICE);
        complete(robert, "triage", FRONTOFFICE, new TriageInput(Urgency.LOW, false, ProblemScope.NONE,
                TriageRoute.CLOSE_NO_HELP, "Informatie gegeven.", "Advies gegeven over de energietoeslag; geen verdere hulp nodig."));
        loaded.add(robert);

        // Karima: a fresh partner signal, waiting for triage.
        loaded.add(signal(household("Huishouden Karima", "noord", "4905 DM", member("Karima", "Ouali", "1995-03-27")),
                SourceType.PARTNER, "GGZ Breburg", "Cliënt loopt vast met post en formulieren; dreigt uitkering te verliezen.",
                Set.of(Leefgebied.FINANCIEN, Leefgebied.GEESTELIJKE_GEZONDHEID), Urgency.NORMAL, false, PARTNER));

        // Familie de Wit: support given; evaluation is due.
        UUID deWit = signal(household("Huishouden de Wit", "zuid", "4906 DM", member("Peter", "de Wit", "1968-12-12"),
                        member("Ans", "de Wit", "1970-10-10")),
                SourceType.OWN_OBSERVATION, null, "Bij huisbezoek: mantelzorg voor Ans valt Peter zwaar.",
                Set.of(Leefgebied.LICHAMELIJKE_GEZONDHEID, Leefgebied.SOCIAAL_NETWERK), Urgency.NORMAL, false, COACH_ZUID);
        complete(deWit, "triage", COACH_ZUID, new TriageInput(Urgency.NORMAL, false, ProblemScope.MULTIPLE,
                TriageRoute.FULL_ROUTE, "Overbelaste mantelzorger; netwerk dun.", null));
        assessFlagged(deWit, COACH_ZUID);
        complete(deWit, "vraagverheldering", COACH_ZUID, new VraagverhelderingInput(
                VraagverhelderingOutcome.TO_PLAN, "Peter wil het volhouden met meer handen om zich heen.", null));
        agreedPlan(deWit, COACH_ZUID, List.of(
                goal(Leefgebied.SOCIAAL_NETWERK, "Mantelzorg delen", "Twee vaste vrijwilligers per week",
                        action("Vrijwilligers zoeken via Welzijn Stad", PlanContent.OwnerType.PARTNER, "welzijn-stad"),
                        action("Kinderen vragen om een vaste avond", PlanContent.OwnerType.NETWORK, null))));
        complete(deWit, "plan", COACH_ZUID, new PlanStepInput(PlanOutcome.TO_REGIE, LocalDate.now(MunicipalTime.ZONE).plusDays(1), null, null, null));
        complete(deWit, "regie", COACH_ZUID, new RouteSteps.RegieInput(RouteSteps.RegieOutcome.TO_EVALUATIE, null));
        // Welzijn and thuiszorg wait for each other: escalated, waiting for a procesregisseur.
        escalations.raise(deWit, new EscalationDtos.RaiseInput(EscalationCause.PARTIES_WAIT_FOR_EACH_OTHER,
                "Vrijwilligers en thuiszorg wachten op elkaars inzet; Peter houdt het zo niet vol."), COACH_ZUID.username());
        loaded.add(deWit);

        Map<String, Long> byStage = loaded.stream().map(cases::get)
                .collect(Collectors.groupingBy(c -> c.getCurrentStage().name(), TreeMap::new, Collectors.counting()));
        log.info("Demo data loaded: {} households, by stage {}", loaded.size(), byStage);
    }

    /**
     * Six households are far below the dashboard's suppression threshold: a synthetic year of a few
     * thousand cases across the demo wijken fills every chart. Generated once (a restart finds it).
     */
    private void loadSyntheticHistory() {
        List<String> wijken = jdbc.queryForList("select id from wijk order by id", String.class);
        if (syntheticCases <= 0 || syntheticHistory.presentIn(wijken)) {
            return;
        }
        syntheticHistory.generate(wijken, syntheticCases, Duration.ofDays(365));
    }

    private UUID signal(SignalRequest.HouseholdData household, SourceType source, String organisation, String description,
                        Set<Leefgebied> leefgebieden, Urgency urgency, boolean safety, CurrentUser by) {
        SignalRequest request = new SignalRequest(null, household, source, organisation, description, leefgebieden,
                urgency, safety);
        return transaction.execute(status -> signals.register(request, by)).caseId();
    }

    /** Partners around the wijkteams; the demo partner users carry ggz-breburg and schuldhulp-stad. */
    private void loadOrganisations() {
        organisations.ensure("welzijn-stad", "Welzijn Stad (maatschappelijk werk)", OrganisationType.WELZIJN_MAATSCHAPPELIJK_WERK);
        organisations.ensure("ggz-breburg", "GGZ Breburg", OrganisationType.GGZ);
        organisations.ensure("schuldhulp-stad", "Schuldhulpverlening Stad", OrganisationType.SCHULDHULP);
        organisations.ensure("werk-en-inkomen", "Gemeente: Werk & Inkomen", OrganisationType.WERK_EN_INKOMEN);
        organisations.ensure("jeugdhulp-regio", "Jeugdhulp Regio", OrganisationType.JEUGDHULP);
        organisations.ensure("huisartsen-noord", "Huisartsenpraktijk Noord", OrganisationType.HUISARTS);
        organisations.ensure("veilig-thuis", "Veilig Thuis", OrganisationType.VEILIG_THUIS);
        organisations.ensure("woonstad", "Woonstad (woningcorporatie)", OrganisationType.WONINGCORPORATIE);
    }

    /**
     * Vraagverheldering with the household, levensbreed: every flagged leefgebied scored for the first member,
     * then every other cell of every member's grid (decision 0045): justice not yet discussed, the rest scored.
     */
    private void assessFlagged(UUID caseId, CurrentUser by) {
        UUID member = transaction.execute(status -> cases.membersOf(caseId).get(0).id());
        VraagverhelderingView view = null;
        for (Leefgebied leefgebied : assessments.view(caseId).flagged()) {
            view = assessments.assess(caseId, member, leefgebied, new AssessmentRequest(2,
                    "Het lukt me niet meer om dit zelf te regelen.", "Wil graag, is gemotiveerd.", "Zus woont in de buurt."),
                    by.username());
        }
        List<AssessmentCell> rest = (view == null ? assessments.view(caseId) : view).missingCells().stream()
                .map(cell -> new AssessmentCell(cell.memberId(), cell.leefgebied(), cell.leefgebied() == Leefgebied.JUSTITIE
                        ? new AssessmentRequest(null, null, null, null, AssessmentStatus.NIET_BESPROKEN,
                                "Nog niet ter sprake gekomen; in het volgende gesprek.")
                        : new AssessmentRequest(4, null, null, null)))
                .toList();
        assessments.assessAll(caseId, new AssessmentBatch(rest), by.username());
    }

    private void offerGgzActions(UUID caseId) {
        PlanViews.PlanView plan = plans.current(caseId);
        List<UUID> ggzActions = plan.goals().stream().flatMap(goal -> goal.actions().stream())
                .filter(action -> "ggz-breburg".equals(action.organisationId())).map(PlanContent.Action::id).toList();
        handovers.propose(caseId, new HandoverRequest(Handover.Scope.ACTIONS, ggzActions, "ggz-breburg", null,
                "Jolanda slaapt slecht en piekert veel; ze wil graag hulp maar vindt het spannend om opnieuw te beginnen.",
                new HandoverContent.Consent(HandoverContent.Basis.CONSENT, null, "Jolanda", java.time.Instant.now(),
                        HandoverContent.ConsentForm.IN_GESPREK, Set.of(Leefgebied.GEESTELIJKE_GEZONDHEID, Leefgebied.FINANCIEN)),
                null), COACH_NOORD);
    }

    /** The plan made with the household, and their agreement to it. */
    private void agreedPlan(UUID caseId, CurrentUser by, List<PlanRequest.GoalRequest> goals) {
        var plan = plans.create(caseId, new PlanRequest(null, "Eerste plan, samen met het huishouden", goals), by.username());
        plans.recordAgreement(caseId, new AgreementRequest(plan.version(), java.time.Instant.now(),
                PlanContent.AgreementForm.IN_GESPREK, "het huishouden"), by.username());
    }

    private static PlanRequest.GoalRequest goal(Leefgebied leefgebied, String description, String result,
                                                PlanRequest.ActionRequest... actions) {
        return new PlanRequest.GoalRequest(null, leefgebied, null, description, result, LocalDate.now(MunicipalTime.ZONE).plusMonths(6),
                List.of(actions));
    }

    private static PlanRequest.ActionRequest action(String description, PlanContent.OwnerType owner, String organisation) {
        return new PlanRequest.ActionRequest(null, description, owner, organisation, null, PlanContent.ActionStatus.PLANNED);
    }

    private void complete(UUID caseId, String taskKey, CurrentUser by, StepInput input) {
        TaskView task = caseReads.file(caseId).openTasks().stream().filter(t -> t.taskKey().equals(taskKey)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Demo case has no open " + taskKey));
        tasks.claim(task.id(), by);
        tasks.complete(task.id(), by, input);
    }

    private static SignalRequest.HouseholdData household(String name, String wijk, String postcode,
                                                         SignalRequest.Member... members) {
        return new SignalRequest.HouseholdData(name, wijk, postcode, List.of(members));
    }

    private static SignalRequest.Member member(String givenName, String familyName, String birthDate) {
        return member(givenName, familyName, birthDate, null);
    }

    private static SignalRequest.Member member(String givenName, String familyName, String birthDate, String bsn) {
        return new SignalRequest.Member(givenName, familyName, LocalDate.parse(birthDate), bsn);
    }
}
