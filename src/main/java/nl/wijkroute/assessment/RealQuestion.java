package nl.wijkroute.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import nl.wijkroute.system.InsertedOnceEntity;

/** "De eigenlijke vraag" behind the signals, summarised with the household. */
@Entity
@Table(name = "real_question")
public class RealQuestion extends InsertedOnceEntity {

    @Id
    private UUID id;

    @Column(name = "case_id")
    private UUID caseId;

    private String question;

    private String recordedBy;

    private Instant recordedAt;

    protected RealQuestion() {
    }

    RealQuestion(UUID caseId, String question, String recordedBy, Instant recordedAt) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.question = question;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    @Override
    public UUID getId() {
        return id;
    }

    public String getQuestion() {
        return question;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
