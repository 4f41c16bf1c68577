package nl.wijkroute.safety;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.wijkroute.household.HouseholdView;
import nl.wijkroute.privacy.access.AccessAction;
import nl.wijkroute.privacy.access.CaseAccess;
import nl.wijkroute.privacy.access.DataCategory;
import nl.wijkroute.route.CaseStatus;
import nl.wijkroute.route.SupportCaseService;
import nl.wijkroute.system.problem.ConflictException;
import nl.wijkroute.system.problem.InvalidInputException;
import nl.wijkroute.system.problem.NotFoundException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The veiligheidsplan, versioned like the household's plan: every change is a new immutable version on
 * top of the version the editor started from (409 otherwise), and a content change needs the household's
 * (and network's) agreement again. Veilig Thuis's voorwaarden join it when Veilig Thuis hands a case back.
 */
@Service
public class VeiligheidsplanService {

    private final VeiligheidsplanRepository plans;
    private final VeiligheidsplanVersionRepository versions;
    private final SupportCaseService cases;
    private final CaseAccess access;
    private final Clock clock;
    private final SafetyConcerns concerns;

    VeiligheidsplanService(VeiligheidsplanRepository plans, VeiligheidsplanVersionRepository versions,
                           SupportCaseService cases, CaseAccess access, Clock clock, SafetyConcerns concerns) {
        this.concerns = concerns;
        this.plans = plans;
        this.versions = versions;
        this.cases = cases;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public VeiligheidsplanViews.PlanView create(UUID caseId, VeiligheidsplanViews.PlanRequest request, String by) {
        SafetyAccess.require(access, caseId, AccessAction.CREATE);
        requireOpen(caseId);
        if (plans.existsByCaseId(caseId)) {
            throw new ConflictException("Deze casus heeft al een veiligheidsplan: pas dat plan aan.");
        }
        List<VeiligheidsplanContent.Voorwaarde> voorwaarden = voorwaarden(caseId, request.voorwaarden(), Map.of(),
                VeiligheidsplanContent.SetBy.TEAM, "voorwaarden");
        Veiligheidsplan plan = new Veiligheidsplan(caseId, clock.instant());
        try {
            plans.saveAndFlush(plan);
        } catch (DataIntegrityViolationException raced) {
            throw new ConflictException("Deze casus heeft zojuist een veiligheidsplan gekregen: pas dat plan aan.");
        }
        concerns.record(caseId, clock.instant());
        return write(plan, new VeiligheidsplanContent(voorwaarden, null), by, request.changeNote());
    }

    @Transactional
    public VeiligheidsplanViews.PlanView change(UUID caseId, VeiligheidsplanViews.PlanRequest request, String by) {
        SafetyAccess.require(access, caseId, AccessAction.UPDATE);
        requireOpen(caseId);
        if (request.basedOnVersion() == null) {
            throw new InvalidInputException("basedOnVersion", "Geef de versie waarop deze wijziging voortbouwt.");
        }
        Veiligheidsplan plan = planOf(caseId);
        requireCurrent(plan, request.basedOnVersion());
        Map<UUID, VeiligheidsplanContent.Voorwaarde> before = byId(version(plan, plan.getCurrentVersion()).getContent());
        return write(plan, new VeiligheidsplanContent(voorwaarden(caseId, request.voorwaarden(), before,
                VeiligheidsplanContent.SetBy.TEAM, "voorwaarden"), null), by, request.changeNote());
    }

    @Transactional
    public VeiligheidsplanViews.PlanView recordAgreement(UUID caseId, VeiligheidsplanViews.AgreementRequest request, String by) {
        SafetyAccess.require(access, caseId, AccessAction.UPDATE);
        requireOpen(caseId);
        if (request.agreedBy().stream().noneMatch(party -> party.kind() == VeiligheidsplanContent.PartyKind.HUISHOUDEN)) {
            throw new InvalidInputException("agreedBy", "Het veiligheidsplan wordt met het huishouden afgesproken: noem wie van het huishouden.");
        }
        Veiligheidsplan plan = planOf(caseId);
        requireCurrent(plan, request.basedOnVersion());
        VeiligheidsplanContent current = version(plan, plan.getCurrentVersion()).getContent();
        VeiligheidsplanContent agreed = new VeiligheidsplanContent(current.voorwaarden(),
                new VeiligheidsplanContent.Agreement(request.agreedAt(), List.copyOf(request.agreedBy()), by));
        return write(plan, agreed, by, "Afgesproken met het huishouden en het netwerk");
    }

    @Transactional(readOnly = true)
    public VeiligheidsplanViews.PlanView current(UUID caseId) {
        SafetyAccess.require(access, caseId, AccessAction.READ);
        Veiligheidsplan plan = planOf(caseId);
        return toView(plan, version(plan, plan.getCurrentVersion()));
    }

    @Transactional(readOnly = true)
    public VeiligheidsplanViews.PlanView version(UUID caseId, int number) {
        SafetyAccess.require(access, caseId, AccessAction.READ);
        Veiligheidsplan plan = planOf(caseId);
        return toView(plan, version(plan, number));
    }

    @Transactional(readOnly = true)
    public List<VeiligheidsplanViews.VersionSummary> versions(UUID caseId) {
        SafetyAccess.require(access, caseId, AccessAction.READ);
        return versions.findByPlanIdOrderByNumberAsc(planOf(caseId).getId()).stream()
                .map(v -> new VeiligheidsplanViews.VersionSummary(v.getNumber(), v.getChangedBy(), v.getChangedAt(),
                        v.getChangeNote(), v.getContent().agreement() != null))
                .toList();
    }

    /** Whether the case has a veiligheidsplan: all a partner may learn of it. Read as route data (where the case stands). */
    @Transactional(readOnly = true)
    public VeiligheidsplanViews.SafetySummary summary(UUID caseId) {
        access.require(caseId, DataCategory.ROUTE, AccessAction.READ);
        return new VeiligheidsplanViews.SafetySummary(caseId, plans.existsByCaseId(caseId));
    }

    /**
     * Veilig Thuis hands the case back: its voorwaarden become part of the veiligheidsplan (a new version,
     * or the first), marked as Veilig Thuis's, to be agreed with the household again. In the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public VeiligheidsplanViews.PlanView addVeiligThuisVoorwaarden(UUID caseId, List<VeiligheidsplanViews.VoorwaardeInput> input,
                                                                   String note, String by) {
        Veiligheidsplan plan = plans.findByCaseId(caseId).orElse(null);
        List<VeiligheidsplanContent.Voorwaarde> combined = new ArrayList<>();
        if (plan == null) {
            plan = plans.saveAndFlush(new Veiligheidsplan(caseId, clock.instant()));
            concerns.record(caseId, clock.instant());
        } else {
            combined.addAll(version(plan, plan.getCurrentVersion()).getContent().voorwaarden());
        }
        combined.addAll(voorwaarden(caseId, input, Map.of(), VeiligheidsplanContent.SetBy.VEILIG_THUIS, "voorwaarden"));
        return write(plan, new VeiligheidsplanContent(combined, null), by, "Veilig Thuis draagt terug: " + note);
    }

    /** Checks every voorwaarde's member; an existing id keeps its origin, a new one is the given origin's. */
    private List<VeiligheidsplanContent.Voorwaarde> voorwaarden(UUID caseId, List<VeiligheidsplanViews.VoorwaardeInput> input,
                                                                Map<UUID, VeiligheidsplanContent.Voorwaarde> before,
                                                                VeiligheidsplanContent.SetBy setBy, String field) {
        Set<UUID> members = new HashSet<>();
        cases.membersOf(caseId).stream().map(HouseholdView.Member::id).forEach(members::add);
        Set<UUID> seen = new HashSet<>();
        List<VeiligheidsplanContent.Voorwaarde> result = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            VeiligheidsplanViews.VoorwaardeInput in = input.get(i);
            String at = field + "[" + i + "]";
            if (!members.contains(in.memberId())) {
                throw new InvalidInputException(at + ".memberId", "Geen lid van dit huishouden.");
            }
            UUID id = in.id() == null ? UUID.randomUUID() : in.id();
            if (!seen.add(id)) {
                throw new InvalidInputException(at + ".id", "Dit id komt twee keer voor in het veiligheidsplan.");
            }
            VeiligheidsplanContent.SetBy origin = before.containsKey(id) ? before.get(id).setBy() : setBy;
            result.add(new VeiligheidsplanContent.Voorwaarde(id, in.memberId(), in.condition(), in.howChecked(),
                    in.checkedBy(), origin));
        }
        return result;
    }

    private VeiligheidsplanViews.PlanView write(Veiligheidsplan plan, VeiligheidsplanContent content, String by, String note) {
        int number = plan.nextVersion();
        VeiligheidsplanVersion version;
        try {
            plans.saveAndFlush(plan); // the row's @Version makes a concurrent edit of the same version fail here
            version = versions.saveAndFlush(new VeiligheidsplanVersion(plan.getId(), number, content, by, clock.instant(), note));
        } catch (DataIntegrityViolationException | OptimisticLockingFailureException raced) {
            // Only a race is a conflict: a concurrent writer took this version number (unique key) or
            // changed the row. Any other integrity violation is a defect and must not read as "someone else".
            if (raced instanceof DataIntegrityViolationException && !uniqueViolation(raced)) {
                throw raced;
            }
            throw new ConflictException("Iemand anders heeft het veiligheidsplan net gewijzigd; bouw verder op de nieuwste versie.");
        }
        return toView(plan, version);
    }

    private static boolean uniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static Map<UUID, VeiligheidsplanContent.Voorwaarde> byId(VeiligheidsplanContent content) {
        Map<UUID, VeiligheidsplanContent.Voorwaarde> byId = new HashMap<>();
        content.voorwaarden().forEach(v -> byId.put(v.id(), v));
        return byId;
    }

    private void requireCurrent(Veiligheidsplan plan, int basedOn) {
        if (basedOn != plan.getCurrentVersion()) {
            throw new ConflictException("Het veiligheidsplan is intussen gewijzigd: versie " + plan.getCurrentVersion()
                    + " is de nieuwste, deze wijziging bouwt voort op versie " + basedOn + ".",
                    Map.of("currentVersion", plan.getCurrentVersion()));
        }
    }

    private void requireOpen(UUID caseId) {
        if (cases.statusOf(caseId) == CaseStatus.CLOSED) {
            throw new ConflictException("De casus is gesloten; het veiligheidsplan kan niet meer worden gewijzigd.");
        }
    }

    private Veiligheidsplan planOf(UUID caseId) {
        return plans.findByCaseId(caseId).orElseThrow(() -> new NotFoundException("Deze casus heeft nog geen veiligheidsplan."));
    }

    private VeiligheidsplanVersion version(Veiligheidsplan plan, int number) {
        return versions.findByPlanIdAndNumber(plan.getId(), number)
                .orElseThrow(() -> new NotFoundException("Versie " + number + " van het veiligheidsplan bestaat niet."));
    }

    private static VeiligheidsplanViews.PlanView toView(Veiligheidsplan plan, VeiligheidsplanVersion version) {
        return new VeiligheidsplanViews.PlanView(plan.getId(), plan.getCaseId(), version.getNumber(),
                version.getContent().voorwaarden(), version.getContent().agreement(), version.getChangedBy(),
                version.getChangedAt(), version.getChangeNote());
    }
}
