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

    /** With a (partial) refusal: whether independent cliëntondersteuning was offered (null for a grant). */
    private Boolean clientondersteuningOffered;

    /** The day the decision was sent (bekendgemaakt): the bezwaartermijn runs from the day after (Awb 6:8). */
    private LocalDate decisionSentOn;

    private LocalDate bezwaarTermEndsOn;

    private LocalDate grantedFrom;

    private LocalDate grantedUntil;

    /** The day the herindicatie task is due to be created: a configurable time before the grant ends. */
    private LocalDate herindicatieOn;

    private Instant herindicatieDoneAt;

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

    /** The decision as it stands; a gegrond bezwaar replaces it through the same method (Awb 7:11 lid 2). */
    void decide(Decision decision, String by, Instant at) {
        this.phase = Phase.BESLOTEN;
        this.outcome = decision.outcome();
        this.grantedProvision = decision.grantedProvision();
        this.decisionReason = decision.reason();
        this.clientondersteuningOffered = decision.clientondersteuningOffered();
        this.decisionSentOn = decision.sentOn();
        this.bezwaarTermEndsOn = decision.bezwaarTermEndsOn();
        this.grantedFrom = decision.grantedFrom();
        this.grantedUntil = decision.grantedUntil();
        this.herindicatieOn = decision.herindicatieOn();
        this.herindicatieDoneAt = null;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    void herindicatieDone(Instant at) {
        this.herindicatieDoneAt = at;
    }

    /** A decision with everything that follows from it, validated by the service. */
    record Decision(Outcome outcome, String grantedProvision, String reason, Boolean clientondersteuningOffered,
                    LocalDate sentOn, LocalDate bezwaarTermEndsOn, LocalDate grantedFrom, LocalDate grantedUntil,
                    LocalDate herindicatieOn) {
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

    public Boolean getClientondersteuningOffered() {
        return clientondersteuningOffered;
    }

    public LocalDate getDecisionSentOn() {
        return decisionSentOn;
    }

    public LocalDate getBezwaarTermEndsOn() {
        return bezwaarTermEndsOn;
    }

    public LocalDate getGrantedFrom() {
        return grantedFrom;
    }

    public LocalDate getGrantedUntil() {
        return grantedUntil;
    }

    public LocalDate getHerindicatieOn() {
        return herindicatieOn;
    }

    public Instant getHerindicatieDoneAt() {
        return herindicatieDoneAt;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }
}
