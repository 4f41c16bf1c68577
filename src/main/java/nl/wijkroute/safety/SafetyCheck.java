package nl.wijkroute.safety;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.wijkroute.system.InsertedOnceEntity;

/**
 * One time the team answered "is iedereen nu veilig, en hoe weten we dat" for a case: at the plan step, an
 * evaluatie, or the safety task after a new safety signal. Written once; the case's checks are its history.
 */
@Entity
@Table(name = "safety_check")
public class SafetyCheck extends InsertedOnceEntity {

    @Id
    private UUID id;

    @Column(name = "case_id")
    private UUID caseId;

    private String step;
    private boolean everyoneSafe;
    private boolean lastingRisk;
    private String checkedBy;
    private Instant checkedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "safety_check_answer", joinColumns = @JoinColumn(name = "safety_check_id"))
    private List<Answer> answers = new ArrayList<>();

    protected SafetyCheck() {
    }

    SafetyCheck(UUID caseId, String step, List<Answer> answers, boolean lastingRisk, String checkedBy, Instant checkedAt) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.step = step;
        this.answers = new ArrayList<>(answers);
        this.everyoneSafe = answers.stream().allMatch(Answer::isSafe);
        this.lastingRisk = lastingRisk;
        this.checkedBy = checkedBy;
        this.checkedAt = checkedAt;
    }

    @Override
    public UUID getId() {
        return id;
    }

    public UUID getCaseId() {
        return caseId;
    }

    public String getStep() {
        return step;
    }

    public boolean isEveryoneSafe() {
        return everyoneSafe;
    }

    public boolean isLastingRisk() {
        return lastingRisk;
    }

    public String getCheckedBy() {
        return checkedBy;
    }

    public Instant getCheckedAt() {
        return checkedAt;
    }

    public List<Answer> getAnswers() {
        return answers;
    }

    /** One member's answer. */
    @Embeddable
    public static class Answer {

        @Column(name = "member_id")
        private UUID memberId;
        private boolean safe;
        private String howWeKnow;

        protected Answer() {
        }

        Answer(UUID memberId, boolean safe, String howWeKnow) {
            this.memberId = memberId;
            this.safe = safe;
            this.howWeKnow = howWeKnow;
        }

        public UUID getMemberId() {
            return memberId;
        }

        public boolean isSafe() {
            return safe;
        }

        public String getHowWeKnow() {
            return howWeKnow;
        }
    }
}
