package nl.wijkroute.privacy.resident;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.wijkroute.deadline.DeadlineReadModels;
import nl.wijkroute.household.HouseholdReadModels;
import nl.wijkroute.household.Leefgebied;
import nl.wijkroute.partner.PartnerReadModels;
import nl.wijkroute.plan.PlanContent;
import nl.wijkroute.plan.PlanService;
import nl.wijkroute.plan.PlanViews;
import nl.wijkroute.privacy.access.AccessAction;
import nl.wijkroute.privacy.access.CaseAccess;
import nl.wijkroute.privacy.access.DataCategory;
import nl.wijkroute.privacy.accesslog.AccessLogReadModels;
import nl.wijkroute.regie.RegieReadModels;
import nl.wijkroute.route.CaseReads;
import nl.wijkroute.route.RouteReadModels;
import nl.wijkroute.route.Stage;
import nl.wijkroute.safety.SafetyConcerns;
import nl.wijkroute.system.problem.NotFoundException;
import nl.wijkroute.system.security.CurrentUser;
import nl.wijkroute.toegang.ToegangReadModels;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import nl.wijkroute.system.paging.PageParams;
import nl.wijkroute.system.paging.PageView;

/**
 * The resident's right of access (AVG art. 15) in the application: their household is found by the
 * BSN that DigiD vouches for, never by an id they could change. Their own looks are logged too.
 * <p>
 * One member's view (decision 0049): the household's step, regisseur and the plan's goals shared with the
 * whole household, and of the rest only what is about this member. Every household sees the step as a coarse
 * phase, so a case with a safety concern looks like any other; while a case of the household ever had one,
 * nothing in the plan or the access log names safety, Veilig Thuis, the meldcode or a break-the-glass look,
 * until the team marks the latest case safe to show: the other member may be the one the concern is about.
 * <p>
 * It reads other modules only through the views they publish ({@code *ReadModels}, decision 0053), never their
 * tables: one statement per read, as when it joined the tables.
 */
@Service
class ResidentService {

    private static final Map<String, String> EXPLANATIONS = Map.ofEntries(
            Map.entry("SIGNALEREN", "Je vraag of melding is binnengekomen."),
            Map.entry("TRIAGE", "We kijken wat er nodig is en wie je het beste kan helpen."),
            Map.entry("NAZORG", "De ondersteuning is afgerond; we houden nog even een vinger aan de pols."),
            Map.entry("NAZORG_CONTROLE", "We nemen contact op om te horen hoe het gaat."),
            Map.entry("AFGESLOTEN", "De ondersteuning is afgesloten."));

    /**
     * The steps every household sees as one phase (decision 0049): the veiligheid step is among them, so
     * neither the name, the explanation nor the date tells a member that a concern was raised.
     */
    private static final Set<Stage> SUPPORT_PHASE = EnumSet.of(Stage.VEILIGHEID, Stage.TOELEIDING,
            Stage.VRAAGVERHELDERING, Stage.PLAN, Stage.REGIE, Stage.EVALUATIE);
    static final String SUPPORT_PHASE_NAME = Stage.NEUTRAL_SUPPORT_NAME;
    private static final String SUPPORT_PHASE_EXPLANATION =
            "We werken samen met jullie aan de ondersteuning die nodig is; je regisseur houdt het overzicht.";
    /** Access-log categories that name the concern itself (meldcode, veiligheidsplan, safety check). */
    private static final List<String> SAFETY_CATEGORIES = List.of(DataCategory.SAFETY.name(), DataCategory.SAFETY_CHECK.name());
    /** The ids of the Veilig Thuis organisations, as a sub-query. */
    private static final String VEILIG_THUIS_IDS =
            "select id from %s where type = 'VEILIG_THUIS'".formatted(PartnerReadModels.ORGANISATION_TYPE_VIEW);

    private final NamedParameterJdbcTemplate jdbc;
    private final PlanService plans;
    private final CaseAccess access;
    private final SafetyConcerns safetyConcerns;
    private final ResidentViewDisclosureService disclosures;
    private final CaseReads cases;

    ResidentService(NamedParameterJdbcTemplate jdbc, PlanService plans, CaseAccess access, SafetyConcerns safetyConcerns,
                    ResidentViewDisclosureService disclosures, CaseReads cases) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.access = access;
        this.safetyConcerns = safetyConcerns;
        this.disclosures = disclosures;
        this.cases = cases;
    }

    /** The signed-in member, their household and its latest case. */
    private record Own(UUID householdId, String household, UUID caseId, UUID memberId) {
    }

    @Transactional(readOnly = true)
    public ResidentViews.Overview overview(CurrentUser user) {
        Own own = own(user);
        Map<String, Object> step = jdbc.queryForMap(
                "select current_stage, stage_entered_at, status from %s where id = :id".formatted(RouteReadModels.CASE_STAGE_VIEW),
                Map.of("id", own.caseId()));
        Stage stage = Stage.valueOf((String) step.get("current_stage"));
        boolean masked = masked(own);
        Set<String> hiddenOrganisations = masked ? veiligThuisOrganisations() : Set.of();
        // A term of a toegang request for a plan action belongs to whom the action's goal belongs; without one, to the household.
        Set<UUID> hiddenActions = new HashSet<>();
        plans.currentInFull(own.caseId()).ifPresent(plan -> plan.goals().stream()
                .filter(goal -> visibleGoal(goal, own, masked, hiddenOrganisations).isEmpty())
                .forEach(goal -> goal.actions().forEach(action -> hiddenActions.add(action.id()))));
        record Term(UUID planActionId, ResidentViews.Deadline deadline) {
        }
        List<ResidentViews.Deadline> deadlines = jdbc.query("""
                select t.law, t.plan_action_id, d.legal_basis, d.due_on, d.status
                from %s d join %s t on t.id = d.toegang_request_id
                where d.case_id = :caseId order by d.due_on""".formatted(DeadlineReadModels.OPEN_TERM_VIEW,
                ToegangReadModels.REQUEST_LAW_VIEW), Map.of("caseId", own.caseId()),
                (row, n) -> new Term(row.getObject("plan_action_id", UUID.class), new ResidentViews.Deadline(
                        row.getString("law"), row.getString("legal_basis"), row.getDate("due_on").toLocalDate(),
                        row.getString("status"))))
                .stream().filter(term -> term.planActionId() == null || !hiddenActions.contains(term.planActionId()))
                .map(Term::deadline).toList();
        access.logOwn(user, own.householdId(), own.caseId(), DataCategory.ROUTE, AccessAction.READ);
        // The same for every household, masked or not: a field that only a safety case had would give it away.
        ResidentViews.Step shown = SUPPORT_PHASE.contains(stage)
                ? new ResidentViews.Step(SUPPORT_PHASE_NAME, SUPPORT_PHASE_EXPLANATION, supportPhaseSince(own.caseId(),
                        ((Timestamp) step.get("stage_entered_at")).toInstant()), (String) step.get("status"))
                : new ResidentViews.Step(stage.name(), EXPLANATIONS.getOrDefault(stage.name(), ""),
                        ((Timestamp) step.get("stage_entered_at")).toInstant(), (String) step.get("status"));
        return new ResidentViews.Overview(own.household(), shown, regisseur(own), deadlines);
    }

    /**
     * When the case entered the support phase: the first move into it after the latest move into a step outside
     * it (triage, nazorg), so a move within the phase (into veiligheid after a new signal, back from evaluatie to
     * the plan) does not change the date.
     */
    private Instant supportPhaseSince(UUID caseId, Instant stageEnteredAt) {
        Instant since = stageEnteredAt;
        List<CaseReads.Step> history = cases.history(caseId);
        for (int i = history.size() - 1; i >= 0 && SUPPORT_PHASE.contains(history.get(i).to()); i--) {
            since = history.get(i).movedAt();
        }
        return since;
    }

    @Transactional(readOnly = true)
    public PlanViews.PlanView plan(CurrentUser user) {
        Own own = own(user);
        PlanViews.PlanView plan = plans.currentInFull(own.caseId())
                .orElseThrow(() -> new NotFoundException("Deze casus heeft nog geen plan."));
        boolean masked = masked(own);
        Set<String> hiddenOrganisations = masked ? veiligThuisOrganisations() : Set.of();
        List<PlanContent.Goal> goals = plan.goals().stream().map(goal -> visibleGoal(goal, own, masked, hiddenOrganisations))
                .flatMap(Optional::stream).toList();
        access.logOwn(user, own.householdId(), own.caseId(), DataCategory.PLAN, AccessAction.READ);
        // The change note is the team's free text about the whole plan, so it may speak of any member: not shown.
        return new PlanViews.PlanView(plan.planId(), plan.caseId(), plan.householdId(), plan.status(), plan.version(), goals,
                plan.agreement(), plan.changedBy(), plan.changedAt(), null);
    }

    /**
     * The goal as this member sees it, if at all: goals shared with the household and goals about this member.
     * On a masked safety case also not the veiligheid goals, nor the actions of Veilig Thuis.
     */
    private static Optional<PlanContent.Goal> visibleGoal(PlanContent.Goal goal, Own own, boolean masked,
                                                         Set<String> hiddenOrganisations) {
        boolean theirs = Boolean.TRUE.equals(goal.sharedWithHousehold()) || own.memberId().equals(goal.memberId());
        if (!theirs || masked && goal.leefgebied() == Leefgebied.VEILIGHEID) {
            return Optional.empty();
        }
        if (!masked) {
            return Optional.of(goal);
        }
        return Optional.of(new PlanContent.Goal(goal.id(), goal.leefgebied(), goal.memberId(), goal.description(),
                goal.result(), goal.targetDate(), goal.actions().stream()
                .filter(action -> action.organisationId() == null || !hiddenOrganisations.contains(action.organisationId()))
                .toList(),
                goal.sharedWithHousehold()));
    }

    private Set<String> veiligThuisOrganisations() {
        return new HashSet<>(jdbc.queryForList(VEILIG_THUIS_IDS, Map.of(), String.class));
    }

    /**
     * Whether this member's view hides the concern: any case of the household ever had one (the access log covers
     * them all, so an earlier closed case counts too) and the team has not (or no longer) marked the latest case
     * safe to show.
     */
    private boolean masked(Own own) {
        if (disclosures.safeToShow(own.caseId())) {
            return false;
        }
        return jdbc.queryForList("select id from %s where household_id = :householdId order by opened_at desc"
                .formatted(RouteReadModels.CASE_STAGE_VIEW), Map.of("householdId", own.householdId()), UUID.class).stream().anyMatch(safetyConcerns::everHadSafetyConcern);
    }

    /** Every granted look by someone else; refused attempts saw nothing and stay with the privacy officer. */
    @Transactional(readOnly = true)
    public PageView<ResidentViews.Access> accessLog(CurrentUser user, PageParams paging) {
        Own own = own(user);
        String where = """
                from %s where (household_id = :householdId or household_ids @> array[:householdId]::uuid[])
                and user_role <> 'inwoner'""".formatted(AccessLogReadModels.GRANTED_ACCESS_VIEW);
        if (masked(own)) {
            // "Veilig Thuis looked at your file", a meldcode or safety-check entry, or a break-the-glass look (used in
            // urgent safety situations) would tell the other member what the step does not. The privacy officer
            // keeps the full log.
            where += """
                     and (organisation is null or organisation not in (%s))
                     and data_category not in (:safetyCategories) and not break_glass""".formatted(VEILIG_THUIS_IDS);
        }
        Map<String, Object> parameters = Map.of("householdId", own.householdId(), "limit", paging.size(),
                "offset", paging.offset(), "safetyCategories", SAFETY_CATEGORIES);
        long total = jdbc.queryForObject("select count(*) " + where, parameters, Long.class);
        // Newest first; the id is unique, so pages neither repeat nor skip an entry.
        List<ResidentViews.Access> accesses = jdbc.query(
                "select logged_at, user_role, organisation, data_category, action, purpose, break_glass " + where
                + " order by id desc limit :limit offset :offset", parameters,
                (row, n) -> new ResidentViews.Access(row.getTimestamp("logged_at").toInstant(), row.getString("user_role"),
                        row.getString("organisation"), row.getString("data_category"), row.getString("action"),
                        row.getString("purpose"), row.getBoolean("break_glass")));
        access.logOwn(user, own.householdId(), own.caseId(), DataCategory.ACCESS_LOG, AccessAction.READ);
        return PageView.of(accesses, paging, total);
    }

    /**
     * The case's casusregie. Veilig Thuis (the organisation or one of its professionals) is shown as the case's own
     * team, for every household alike: a Veilig Thuis regisseur would name the concern.
     */
    private ResidentViews.Regisseur regisseur(Own own) {
        List<Map<String, Object>> current = jdbc.queryForList("""
                select r.holder_type, r.holder, r.holder_organisation, t.name as team_name, t.phone, t.email, o.name as org_name
                from %1$s r
                left join %2$s t on t.id = coalesce(r.holder_organisation, case when r.holder_type = 'TEAM' then r.holder end)
                left join %3$s o on o.id = r.holder_organisation
                where r.case_id = :caseId
                  and not exists (select 1 from %3$s vt where vt.type = 'VEILIG_THUIS'
                                  and vt.id in (r.holder_organisation, r.holder))
                union all
                select 'TEAM', t.id, null, t.name, t.phone, t.email, null
                from %1$s r join %4$s c on c.id = r.case_id join %2$s t on t.id = c.team_id
                where r.case_id = :caseId
                  and exists (select 1 from %3$s vt where vt.type = 'VEILIG_THUIS'
                              and vt.id in (r.holder_organisation, r.holder))""".formatted(RegieReadModels.CURRENT_CASUSREGIE_VIEW,
                HouseholdReadModels.TEAM_CONTACT_VIEW, PartnerReadModels.ORGANISATION_TYPE_VIEW, RouteReadModels.CASE_STAGE_VIEW),
                Map.of("caseId", own.caseId()));
        if (current.isEmpty()) {
            return null;
        }
        Map<String, Object> row = current.get(0);
        String type = (String) row.get("holder_type");
        String organisation = row.get("team_name") != null ? (String) row.get("team_name") : (String) row.get("org_name");
        return switch (type) {
            case "HOUSEHOLD" -> new ResidentViews.Regisseur(type, "Je voert zelf de regie (eigen regie)", null, null, null);
            case "TEAM" -> new ResidentViews.Regisseur(type, organisation, organisation, (String) row.get("phone"),
                    (String) row.get("email"));
            default -> new ResidentViews.Regisseur(type, (String) row.get("holder"), organisation, (String) row.get("phone"),
                    (String) row.get("email"));
        };
    }

    private Own own(CurrentUser user) {
        if (user.bsn() == null) {
            throw new NotFoundException("Bij Wijkroute is geen huishouden bekend bij jouw gegevens.");
        }
        List<Own> found = jdbc.query("""
                select m.household_id, m.household_name, c.id as case_id, m.member_id
                from %s m join %s c on c.household_id = m.household_id
                where m.bsn = :bsn order by c.opened_at desc limit 1""".formatted(HouseholdReadModels.MEMBER_BY_BSN_VIEW,
                RouteReadModels.CASE_STAGE_VIEW), Map.of("bsn", user.bsn()),
                (row, n) -> new Own(row.getObject("household_id", UUID.class), row.getString("household_name"),
                        row.getObject("case_id", UUID.class), row.getObject("member_id", UUID.class)));
        return found.stream().findFirst()
                .orElseThrow(() -> new NotFoundException("Bij Wijkroute is geen huishouden bekend bij jouw gegevens."));
    }
}
