package nl.wijkroute.safety;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.wijkroute.household.HouseholdView;
import nl.wijkroute.privacy.access.AccessAction;
import nl.wijkroute.privacy.access.CaseAccess;
import nl.wijkroute.privacy.access.DataCategory;
import nl.wijkroute.route.SupportCaseService;
import nl.wijkroute.route.step.SafetyAnswer;
import nl.wijkroute.system.paging.PageParams;
import nl.wijkroute.system.paging.PageView;
import nl.wijkroute.system.problem.InvalidInputException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Records the answers to "is iedereen nu veilig, en hoe weten we dat" and reads their history back. */
@Service
public class SafetyCheckService {

    private final SafetyCheckRepository checks;
    private final SupportCaseService cases;
    private final CaseAccess access;
    private final Clock clock;
    private final SafetyConcerns concerns;

    SafetyCheckService(SafetyCheckRepository checks, SupportCaseService cases, CaseAccess access, Clock clock,
                       SafetyConcerns concerns) {
        this.concerns = concerns;
        this.checks = checks;
        this.cases = cases;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Stores one check: exactly one answer per member of the case's household, each with how the team
     * knows. A missing answer is refused naming the member (field {@code safetyCheck}, the member's id in
     * the message), an answer for someone outside the household by its position.
     *
     * @return the stored check
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public SafetyCheck record(UUID caseId, String step, List<SafetyAnswer> answers, Boolean lastingRisk, String actor) {
        // First: who may not record one learns nothing of the household or the case from the validation below.
        access.require(caseId, DataCategory.SAFETY_CHECK, AccessAction.CREATE);
        if (answers == null || answers.isEmpty()) {
            throw new InvalidInputException("safetyCheck",
                    "Beantwoord per gezinslid: is iedereen nu veilig, en hoe weten we dat?");
        }
        List<HouseholdView.Member> members = cases.membersOf(caseId);
        Set<UUID> memberIds = members.stream().map(HouseholdView.Member::id).collect(Collectors.toSet());
        Set<UUID> answered = new HashSet<>();
        for (int i = 0; i < answers.size(); i++) {
            UUID memberId = answers.get(i).memberId();
            if (!memberIds.contains(memberId)) {
                throw new InvalidInputException("safetyCheck[" + i + "].memberId", "Geen lid van dit huishouden.");
            }
            if (!answered.add(memberId)) {
                throw new InvalidInputException("safetyCheck[" + i + "].memberId", "Twee antwoorden voor hetzelfde gezinslid.");
            }
        }
        for (HouseholdView.Member member : members) {
            if (!answered.contains(member.id())) {
                // The problem names the member the team still has to ask about (the caller sees the household anyway).
                throw new InvalidInputException("safetyCheck", "Nog geen antwoord voor " + member.givenName()
                        + " (lid " + member.id() + "): is hij of zij nu veilig, en hoe weten we dat?");
            }
        }
        SafetyCheck check = checks.save(new SafetyCheck(caseId, step, answers.stream()
                .map(answer -> new SafetyCheck.Answer(answer.memberId(), answer.safe(), answer.howWeKnow().strip()))
                .toList(), Boolean.TRUE.equals(lastingRisk), actor, clock.instant()));
        if (!check.isEveryoneSafe()) {
            concerns.record(caseId, check.getCheckedAt());
        }
        return check;
    }

    /** The case's safety checks, newest first, a page at a time; the team only (and break-the-glass). */
    @Transactional(readOnly = true)
    public PageView<SafetyCheckView> history(UUID caseId, PageParams paging) {
        access.require(caseId, DataCategory.SAFETY_CHECK, AccessAction.READ);
        Map<UUID, String> names = cases.membersOf(caseId).stream()
                .collect(Collectors.toMap(HouseholdView.Member::id, HouseholdView.Member::givenName));
        var page = checks.findByCaseId(caseId, paging.pageable(Sort.by(Sort.Direction.DESC, "checkedAt").and(Sort.by(Sort.Direction.DESC, "id"))));
        return PageView.of(page.map(check -> SafetyCheckView.of(check, names)));
    }
}
