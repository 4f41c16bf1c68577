package nl.wijkroute.safety;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One recording of one meldcode step; recording a step again adds a row (the newest counts). */
@Entity
@Immutable
@Table(name = "meldcode_entry")
class MeldcodeEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private UUID caseId;

    @Enumerated(EnumType.STRING)
    private MeldcodeStep step;

    private LocalDate doneOn;

    private String doneBy;

    private String summary;

    private Boolean suspicion;

    private Boolean acuteOrStructural;

    private Boolean canHelp;

    private Boolean helpAccepted;

    private Boolean helpLeadsToSafety;

    @Enumerated(EnumType.STRING)
    private MeldcodeDecision decision;

    private String decisionReason;

    private String recordedBy;

    private Instant recordedAt;

    protected MeldcodeEntry() {
    }

    MeldcodeEntry(UUID caseId, MeldcodeStep step, LocalDate doneOn, String doneBy, String summary, Afweging afweging,
                  MeldcodeDecision decision, String decisionReason, String recordedBy, Instant recordedAt) {
        this.caseId = caseId;
        this.step = step;
        this.doneOn = doneOn;
        this.doneBy = doneBy;
        this.summary = summary;
        if (afweging != null) {
            this.suspicion = afweging.suspicion();
            this.acuteOrStructural = afweging.acuteOrStructuralUnsafety();
            this.canHelp = afweging.canOfferEffectiveHelp();
            this.helpAccepted = afweging.helpAccepted();
            this.helpLeadsToSafety = afweging.helpLeadsToSafety();
        }
        this.decision = decision;
        this.decisionReason = decisionReason;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    Afweging afweging() {
        return suspicion == null ? null : new Afweging(suspicion, acuteOrStructural, canHelp, helpAccepted, helpLeadsToSafety);
    }

    Long getId() {
        return id;
    }

    MeldcodeStep getStep() {
        return step;
    }

    LocalDate getDoneOn() {
        return doneOn;
    }

    String getDoneBy() {
        return doneBy;
    }

    String getSummary() {
        return summary;
    }

    MeldcodeDecision getDecision() {
        return decision;
    }

    String getDecisionReason() {
        return decisionReason;
    }

    String getRecordedBy() {
        return recordedBy;
    }

    Instant getRecordedAt() {
        return recordedAt;
    }
}
