package nl.wijkroute.toegang;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A request for a maatwerkvoorziening under one law, from melding to besluit. */
@Entity
@Table(name = "toegang_request")
public class ToegangRequest {

    public enum Phase { ONDERZOEK, BESLUIT, BESLOTEN }

    public enum Outcome { GRANTED, PARTLY, REFUSED }

    @Id
    private UUID id;

    @Column(name = "case_id")
    private UUID caseId;

    private UUID planActionId;

    @Enumerated(EnumType.STRING)
    private Law law;

    private String provision;

    private boolean urgent;

    private LocalDate receivedOn;

    @Enumerated(EnumType.STRING)
    private Phase phase;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    private String grantedProvision;

    private String decisionReason;

    private String decidedBy;

    private Instant decidedAt;

    private String requestedBy;

    private Instant requestedAt;

    @Version
    private long version;

    protected ToegangRequest() {
    }

    ToegangRequest(UUID caseId, UUID planActionId, Law law, String provision, boolean urgent, LocalDate receivedOn,
                   String requestedBy, Instant requestedAt) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.planActionId = planActionId;
        this.law = law;
        this.provision = provision;
        this.urgent = urgent;
        this.receivedOn = receivedOn;
        this.phase = law == Law.WMO ? Phase.ONDERZOEK : Phase.BESLUIT;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
    }

    void toBesluit() {
        this.phase = Phase.BESLUIT;
    }

    void decide(Outcome outcome, String grantedProvision, String reason, String by, Instant at) {
        this.phase = Phase.BESLOTEN;
        this.outcome = outcome;
        this.grantedProvision = grantedProvision;
        this.decisionReason = reason;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    public UUID getId() {
        return id;
    }

    public UUID getCaseId() {
        return caseId;
    }

    public UUID getPlanActionId() {
        return planActionId;
    }

    public Law getLaw() {
        return law;
    }

    public String getProvision() {
        return provision;
    }

    public boolean isUrgent() {
        return urgent;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public Phase getPhase() {
        return phase;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public String getGrantedProvision() {
        return grantedProvision;
    }

    public String getDecisionReason() {
        return decisionReason;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }
}
