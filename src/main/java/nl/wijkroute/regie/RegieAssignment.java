package nl.wijkroute.regie;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** One period in which someone held a kind of regie over a case. Current while {@code endedAt} is null. */
@Entity
@Table(name = "regie_assignment")
public class RegieAssignment {

    /** Casusregie: stand beside the household, do what is needed. Procesregie: coordination, doorzettingsmacht. */
    public enum Kind { CASUSREGIE, PROCESREGIE }

    public enum HolderType { TEAM, PROFESSIONAL, HOUSEHOLD }

    /** How regie came to this holder; only these ways exist. */
    public enum Via { CASE_OPENED, TAKEN_WITHIN_TEAM, EIGEN_REGIE, TAKEN_FROM_HOUSEHOLD, WARME_OVERDRACHT, PROCESREGISSEUR }

    @Id
    private UUID id;

    @Column(name = "case_id")
    private UUID caseId;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    private HolderType holderType;

    private String holder;

    private String holderOrganisation;

    private Instant startedAt;

    @Enumerated(EnumType.STRING)
    private Via startedVia;

    private String reason;

    private Instant endedAt;

    // A wrapper, null until the first insert: Spring Data then persists a new row instead of merging it, which
    // would first select the row by its (assigned) id to find it absent. Spring Data reads it through getVersion();
    // without a getter it builds an exception on every save before it falls back to the field (decision 0074).
    @Version
    private Long version;

    protected RegieAssignment() {
    }

    /** Null until the row is first inserted. */
    public Long getVersion() {
        return version;
    }

    RegieAssignment(UUID caseId, Kind kind, HolderType holderType, String holder, String holderOrganisation,
                    Instant startedAt, Via startedVia, String reason) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.kind = kind;
        this.holderType = holderType;
        this.holder = holder;
        this.holderOrganisation = holderOrganisation;
        this.startedAt = startedAt;
        this.startedVia = startedVia;
        this.reason = reason;
    }

    void end(Instant at) {
        this.endedAt = at;
    }

    public UUID getId() {
        return id;
    }

    public UUID getCaseId() {
        return caseId;
    }

    public Kind getKind() {
        return kind;
    }

    public HolderType getHolderType() {
        return holderType;
    }

    public String getHolder() {
        return holder;
    }

    public String getHolderOrganisation() {
        return holderOrganisation;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Via getStartedVia() {
        return startedVia;
    }

    public String getReason() {
        return reason;
    }

    public Instant getEndedAt() {
        return endedAt;
    }
}
