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

/** How one household member is doing on one leefgebied, in their own words. */
@Entity
@Table(name = "leefgebied_assessment")
public class LeefgebiedAssessment {

    @Id
    private UUID id;

    @Column(name = "case_id")
    private UUID caseId;

    @Column(name = "member_id")
    private UUID memberId;

    @Enumerated(EnumType.STRING)
    private Leefgebied leefgebied;

    private short score;

    private String ownWords;

    private String strengths;

    private String network;

    private String assessedBy;

    private Instant assessedAt;

    @Version
    private long version;

    protected LeefgebiedAssessment() {
    }

    LeefgebiedAssessment(UUID caseId, UUID memberId, Leefgebied leefgebied) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.memberId = memberId;
        this.leefgebied = leefgebied;
    }

    void record(AssessmentRequest request, String by, Instant at) {
        this.score = request.score().shortValue();
        this.ownWords = request.ownWords();
        this.strengths = request.strengths();
        this.network = request.network();
        this.assessedBy = by;
        this.assessedAt = at;
    }

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

    public int getScore() {
        return score;
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
