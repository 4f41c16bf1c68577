package nl.wijkroute.safety;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One safety check as the team reads it back: when, in which step, by whom, and each member's answer. */
public record SafetyCheckView(UUID id, UUID caseId, String step, boolean everyoneSafe, boolean lastingRisk,
                              String checkedBy, Instant checkedAt, List<Answer> answers) {

    public record Answer(UUID memberId, String givenName, boolean safe, String howWeKnow) {
    }

    static SafetyCheckView of(SafetyCheck check, java.util.Map<UUID, String> givenNames) {
        return new SafetyCheckView(check.getId(), check.getCaseId(), check.getStep(), check.isEveryoneSafe(),
                check.isLastingRisk(), check.getCheckedBy(), check.getCheckedAt(), check.getAnswers().stream()
                .map(answer -> new Answer(answer.getMemberId(), givenNames.get(answer.getMemberId()), answer.isSafe(),
                        answer.getHowWeKnow()))
                .toList());
    }
}
