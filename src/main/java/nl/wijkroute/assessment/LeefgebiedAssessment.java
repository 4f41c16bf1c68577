package nl.wijkroute.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import nl.wijkroute.household.Leefgebied;
import nl.wijkroute.system.InsertedOnceEntity;

/**
 * How one household member is doing on one leefgebied, in their own words, at one moment. Append-only:
 * a new score is a new row, so the start and the latest can be compared (decision 0045).
 */
@Entity
@Table(name = "leefgebied_assessment")
public class LeefgebiedAssessment extends InsertedOnceEntity {

    @Id
    private UUID id;

    @Column(name = "case_id")
    private UUID caseId;

    @Column(name = "member_id")
    private UUID memberId;

    @Enumerated(EnumType.STRING)
    private Leefgebied leefgebied;

    @Enumerated(EnumType.STRING)
    private AssessmentMoment moment;

    @Enumerated(EnumType.STRING)
    private AssessmentStatus status;

    private Short score;

    private String reason;

    private String ownWords;

    private String strengths;

    private String network;

    private String assessedBy;

    private Instant assessedAt;

    /** Assigned by the database: the order of recording, the tie-breaker of equal instants. */
    @Column(insertable = false, updatable = false)
    private Long seq;

    @Version
    private long version;

    protected LeefgebiedAssessment() {
    }

    LeefgebiedAssessment(UUID caseId, UUID memberId, Leefgebied leefgebied, AssessmentMoment moment,
                         AssessmentRequest request, String by, Instant at) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.memberId = memberId;
        this.leefgebied = leefgebied;
        this.moment = moment;
        this.status = request.statusOrDefault();
        this.score = request.score() == null ? null : request.score().shortValue();
        this.reason = request.reason();
        this.ownWords = request.ownWords();
        this.strengths = request.strengths();
        this.network = request.network();
        this.assessedBy = by;
        this.assessedAt = at;
    }

    @Override
    public UUID getId() {
        return id;
    }

    public UUID getCaseId() {
        return caseId;
    }

    public UUID getMemberId() {
        return memberId;
    }

    public Leefgebied getLeefgebied() {
        return leefgebied;
    }

    /** The score 1–5, or null when the cell is "niet van toepassing" or "niet besproken". */
    public Integer getScore() {
        return score == null ? null : score.intValue();
    }

    public AssessmentMoment getMoment() {
        return moment;
    }

    public AssessmentStatus getStatus() {
        return status;
    }

    public String getReason() {
        return reason;
    }

    public String getOwnWords() {
        return ownWords;
    }

    public String getStrengths() {
        return strengths;
    }

    public String getNetwork() {
        return network;
    }

    public String getAssessedBy() {
        return assessedBy;
    }

    public Instant getAssessedAt() {
        return assessedAt;
    }
}
