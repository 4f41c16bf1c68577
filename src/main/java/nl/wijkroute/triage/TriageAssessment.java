package nl.wijkroute.triage;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import nl.wijkroute.system.InsertedOnceEntity;
import nl.wijkroute.household.Leefgebied;

/** One triage of a case. A reopened case is triaged again, so a case can have several. */
@Entity
@Table(name = "triage_assessment")
public class TriageAssessment extends InsertedOnceEntity {

    @Id
    private UUID id;

    @Column(name = "case_id")
    private UUID caseId;

    @Enumerated(EnumType.STRING)
    private Urgency urgency;

    private boolean safetyConcern;

    @Enumerated(EnumType.STRING)
    private ProblemScope problemScope;

    @Enumerated(EnumType.STRING)
    private TriageRoute route;

    private String summary;

    private String assessedBy;

    private Instant assessedAt;

    /** Leefgebieden triage flagged in addition to those in the signals. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "triage_leefgebied", joinColumns = @JoinColumn(name = "triage_id"))
    @Column(name = "leefgebied")
    @Enumerated(EnumType.STRING)
    private Set<Leefgebied> leefgebieden = EnumSet.noneOf(Leefgebied.class);

    protected TriageAssessment() {
    }

    TriageAssessment(UUID caseId, TriageInput input, String assessedBy, Instant assessedAt) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.urgency = input.urgency();
        this.safetyConcern = input.safetyConcern();
        this.problemScope = input.problemScope();
        this.route = input.route();
        this.summary = input.summary();
        this.assessedBy = assessedBy;
        this.assessedAt = assessedAt;
        if (input.leefgebieden() != null && !input.leefgebieden().isEmpty()) {
            this.leefgebieden = EnumSet.copyOf(input.leefgebieden());
        }
    }

    public Set<Leefgebied> getLeefgebieden() {
        return leefgebieden;
    }

    public UUID getId() {
        return id;
    }

    public UUID getCaseId() {
        return caseId;
    }

    public Urgency getUrgency() {
        return urgency;
    }

    public boolean isSafetyConcern() {
        return safetyConcern;
    }

    public ProblemScope getProblemScope() {
        return problemScope;
    }

    public TriageRoute getRoute() {
        return route;
    }

    public String getSummary() {
        return summary;
    }

    public String getAssessedBy() {
        return assessedBy;
    }

    public Instant getAssessedAt() {
        return assessedAt;
    }
}
