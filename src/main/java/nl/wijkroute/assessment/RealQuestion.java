package nl.wijkroute.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/** "De eigenlijke vraag" behind the signals, summarised with the household. */
@Entity
@Table(name = "real_question")
public class RealQuestion implements Persistable<UUID> {

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

    // New until inserted or loaded: Spring Data then persists it at once instead of merging it, which would
    // first select its (assigned) id to find it absent.
    @Transient
    private boolean isNew = true;

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostPersist
    @PostLoad
    void markStored() {
        isNew = false;
    }
}
