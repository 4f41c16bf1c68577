package nl.wijkroute.regie;

import nl.wijkroute.privacy.access.AccessAction;
import nl.wijkroute.privacy.access.CaseAccess;
import nl.wijkroute.privacy.access.DataCategory;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import nl.wijkroute.route.CaseMoved;
import nl.wijkroute.route.CaseStatus;
import nl.wijkroute.route.RegieWork;
import nl.wijkroute.route.Stage;
import nl.wijkroute.route.SupportCaseService;
import nl.wijkroute.route.SupportCaseView;
import nl.wijkroute.system.problem.ConflictException;
import nl.wijkroute.system.problem.InvalidInputException;
import nl.wijkroute.system.security.CurrentUser;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 1 regisseur: a case always has exactly one casusregisseur while it is not closed. A new case's
 * casusregie lies with its wijkteam until a team member takes it. The regisseur can give it to the
 * household (eigen regie); the team takes it back with a reason. Between organisations it changes
 * hands only through an accepted warme overdracht (or, in the escalation work, a procesregisseur).
 */
@Service
public class RegieService {

    private final RegieAssignmentRepository assignments;
    private final SupportCaseService cases;
    private final RegieMapper mapper;
    private final Clock clock;
    private final CaseAccess access;
    private final RegieWork regieWork;

    RegieService(RegieAssignmentRepository assignments, SupportCaseService cases, RegieMapper mapper, Clock clock, CaseAccess access,
                 RegieWork regieWork) {
        this.access = access;
        this.regieWork = regieWork;
        this.assignments = assignments;
        this.cases = cases;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public RegieView view(UUID caseId) {
        access.require(caseId, DataCategory.REGIE, AccessAction.READ);
        cases.view(caseId);
        return viewOf(caseId);
    }

    private RegieView viewOf(UUID caseId) {
        return new RegieView(
                assignments.findByCaseIdAndKindAndEndedAtIsNull(caseId, RegieAssignment.Kind.CASUSREGIE).map(mapper::toHolder).orElse(null),
                assignments.findByCaseIdAndKindAndEndedAtIsNull(caseId, RegieAssignment.Kind.PROCESREGIE).map(mapper::toHolder).orElse(null),
                assignments.findByCaseIdOrderByStartedAtAscIdAsc(caseId).stream().map(mapper::toHolder).toList());
    }

    /**
     * A member of the case's team takes the casusregie: from the team (nobody held it personally yet),
     * or from the household when they can no longer hold their own regie; then the reason, explained to
     * them, is required.
     */
    @Transactional
    public RegieView take(UUID caseId, CurrentUser user, String reason) {
        access.require(caseId, DataCategory.REGIE, AccessAction.UPDATE);
        SupportCaseView supportCase = notClosed(caseId);
        RegieAssignment current = current(caseId);
        boolean ownTeam = supportCase.teamId().equals(user.team());
        if (ownTeam && current.getHolderType() == RegieAssignment.HolderType.TEAM) {
            handTo(supportCase, current, RegieAssignment.HolderType.PROFESSIONAL, user.username(), user.team(),
                    RegieAssignment.Via.TAKEN_WITHIN_TEAM, reason);
        } else if (ownTeam && current.getHolderType() == RegieAssignment.HolderType.HOUSEHOLD) {
            if (reason == null || reason.isBlank()) {
                throw new InvalidInputException("reason", "Leg vast waarom het huishouden de regie niet meer zelf voert "
                        + "(en dat dit met hen is besproken).");
            }
            handTo(supportCase, current, RegieAssignment.HolderType.PROFESSIONAL, user.username(), user.team(),
                    RegieAssignment.Via.TAKEN_FROM_HOUSEHOLD, reason);
        } else {
            throw new ConflictException("De casusregie ligt niet bij jouw team of het huishouden; die gaat alleen via een "
                    + "warme overdracht over.");
        }
        return viewOf(caseId);
    }

    /** The casusregisseur hands the regie to the household itself (eigen regie), the default the field aims for. */
    @Transactional
    public RegieView toHousehold(UUID caseId, CurrentUser user, String reason) {
        access.require(caseId, DataCategory.REGIE, AccessAction.UPDATE);
        SupportCaseView supportCase = notClosed(caseId);
        RegieAssignment current = current(caseId);
        if (current.getHolderType() != RegieAssignment.HolderType.PROFESSIONAL || !current.getHolder().equals(user.username())) {
            throw new ConflictException("Alleen de casusregisseur geeft de regie terug aan het huishouden.");
        }
        handTo(supportCase, current, RegieAssignment.HolderType.HOUSEHOLD, supportCase.householdId().toString(), null,
                RegieAssignment.Via.EIGEN_REGIE, reason);
        return viewOf(caseId);
    }

    private SupportCaseView notClosed(UUID caseId) {
        SupportCaseView supportCase = cases.view(caseId);
        if (supportCase.status() == CaseStatus.CLOSED) {
            throw new ConflictException("De casus is gesloten.");
        }
        return supportCase;
    }

    /**
     * The casusregie moves to the accepting professional of a warme overdracht (of a partner organisation, or
     * of the case's own team when regie is handed back). Runs in the acceptance; the regie and evaluatie steps
     * move to the new holder's werkbak with it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void transferByHandover(UUID caseId, String professional, String organisation, String reason) {
        handTo(cases.view(caseId), current(caseId), RegieAssignment.HolderType.PROFESSIONAL, professional, organisation,
                RegieAssignment.Via.WARME_OVERDRACHT, reason);
    }

    /** A procesregisseur takes procesregie (with doorzettingsmacht) next to the casusregisseur. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void startProcesregie(UUID caseId, String procesregisseur, String reason) {
        try {
            assignments.saveAndFlush(new RegieAssignment(caseId, RegieAssignment.Kind.PROCESREGIE,
                    RegieAssignment.HolderType.PROFESSIONAL, procesregisseur, null, clock.instant(),
                    RegieAssignment.Via.PROCESREGISSEUR, reason));
        } catch (DataIntegrityViolationException raced) {
            throw new ConflictException("Deze casus heeft al een procesregisseur.");
        }
    }

    /** De-escalation: the case goes back to its casusregisseur alone. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void endProcesregie(UUID caseId) {
        assignments.findByCaseIdAndKindAndEndedAtIsNull(caseId, RegieAssignment.Kind.PROCESREGIE)
                .ifPresent(assignment -> assignment.end(clock.instant()));
    }

    /** The current casusregisseur, as user name and organisation (team or partner): regie's read model, not its entity. */
    @Transactional(propagation = Propagation.MANDATORY)
    public RegieView.Holder currentCasusregie(UUID caseId) {
        return mapper.toHolder(current(caseId));
    }

    @EventListener
    void followTheCase(CaseMoved moved) {
        if (moved.from() == null) {
            String team = cases.teamOf(moved.caseId());
            assignments.save(new RegieAssignment(moved.caseId(), RegieAssignment.Kind.CASUSREGIE,
                    RegieAssignment.HolderType.TEAM, team, team,
                    moved.at(), RegieAssignment.Via.CASE_OPENED, null));
        } else if (moved.to() == Stage.AFGESLOTEN) {
            assignments.findByCaseIdOrderByStartedAtAscIdAsc(moved.caseId()).stream()
                    .filter(assignment -> assignment.getEndedAt() == null)
                    .forEach(assignment -> assignment.end(moved.at()));
        }
    }

    private void handTo(SupportCaseView supportCase, RegieAssignment current, RegieAssignment.HolderType type, String holder,
                        String organisation, RegieAssignment.Via via, String reason) {
        Instant now = clock.instant();
        String team = supportCase.teamId();
        current.end(now);
        try {
            assignments.saveAndFlush(current);
            assignments.saveAndFlush(new RegieAssignment(current.getCaseId(), RegieAssignment.Kind.CASUSREGIE, type,
                    holder, organisation, now, via, reason));
        } catch (OptimisticLockingFailureException | DataIntegrityViolationException raced) {
            throw new ConflictException("De casusregie is zojuist door iemand anders overgenomen.");
        }
        String before = regieGroup(current.getHolderType(), current.getHolderOrganisation(), team);
        String after = regieGroup(type, organisation, team);
        if (!after.equals(before)) {
            regieWork.offerTo(current.getCaseId(), after);
        }
    }

    /**
     * Whose werkbak holds the regie and evaluatie steps (decision 0044): a partner organisation's while one of
     * its professionals is casusregisseur; otherwise the team's, also under eigen regie (the household does
     * not work in the werkbak; the team stays the fallback and takes regie back when needed).
     */
    static String regieGroup(RegieAssignment.HolderType holderType, String holderOrganisation, String team) {
        boolean partner = holderType == RegieAssignment.HolderType.PROFESSIONAL && holderOrganisation != null
                && !holderOrganisation.equals(team);
        return partner ? CurrentUser.organisationGroup(holderOrganisation) : team;
    }

    private RegieAssignment current(UUID caseId) {
        return assignments.findByCaseIdAndKindAndEndedAtIsNull(caseId, RegieAssignment.Kind.CASUSREGIE)
                .orElseThrow(() -> new ConflictException("Deze casus heeft geen casusregisseur (gesloten?)."));
    }
}
