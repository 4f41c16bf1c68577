package nl.wijkroute.privacy.retention;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A resident's request to erase their data (AVG art. 17) and the privacy officer's decision on it. */
@Entity
@Table(name = "erasure_request")
public class ErasureRequest {

    /** How the request reached the municipality; the law accepts any form. */
    public enum Channel { IN_PERSON, LETTER, EMAIL, PHONE, WEB_FORM }

    public enum Status { REQUESTED, GRANTED, PARTLY_GRANTED, REFUSED }

    /** The grounds of AVG art. 17(3) this system records for keeping data despite a request. */
    public enum LegalException {
        /** (b): a legal obligation or a task in the public interest, e.g. support still running, a legal retention term. */
        LEGAL_OBLIGATION_OR_PUBLIC_TASK,
        /** (d): archiving in the public interest (Archiefwet, the selectielijst's terms). */
        ARCHIVING_IN_PUBLIC_INTEREST,
        /** (e): the establishment, exercise or defence of legal claims, e.g. an objection or appeal against a decision. */
        LEGAL_CLAIMS
    }

    /** What a decision erased. */
    public enum ErasedScope {
        /** Everything that identifies or describes the household. */
        ALL,
        /** The case files of the household's closed cases; identity, toegang decisions and a running case stay. */
        CLOSED_CASE_FILES
    }

    @Id
    private UUID id;

    private UUID householdId;

    private LocalDate receivedOn;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Enumerated(EnumType.STRING)
    private LegalException legalException;

    private String explanation;

    @Enumerated(EnumType.STRING)
    private ErasedScope erasedScope;

    private String registeredBy;

    private Instant registeredAt;

    private String decidedBy;

    private Instant decidedAt;

    private Instant executedAt;

    @Version
    private long version;

    protected ErasureRequest() {
    }

    ErasureRequest(UUID householdId, LocalDate receivedOn, Channel channel, String registeredBy, Instant registeredAt) {
        this.id = UUID.randomUUID();
        this.householdId = householdId;
        this.receivedOn = receivedOn;
        this.channel = channel;
        this.status = Status.REQUESTED;
        this.registeredBy = registeredBy;
        this.registeredAt = registeredAt;
    }

    void decide(Status outcome, LegalException legalException, String explanation, String by, Instant at,
                ErasedScope erased) {
        this.status = outcome;
        this.legalException = legalException;
        this.explanation = explanation;
        this.decidedBy = by;
        this.decidedAt = at;
        this.erasedScope = erased;
        this.executedAt = erased == null ? null : at;
    }

    public UUID getId() {
        return id;
    }

    public UUID getHouseholdId() {
        return householdId;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    /** AVG art. 12(3): the answer is due within one month of receipt (extendable by two, with notice). */
    public LocalDate getAnswerDueOn() {
        return receivedOn.plusMonths(1);
    }

    public Channel getChannel() {
        return channel;
    }

    public Status getStatus() {
        return status;
    }

    public LegalException getLegalException() {
        return legalException;
    }

    public String getExplanation() {
        return explanation;
    }

    public ErasedScope getErasedScope() {
        return erasedScope;
    }

    public String getRegisteredBy() {
        return registeredBy;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public Instant getExecutedAt() {
        return executedAt;
    }

    public long getVersion() {
        return version;
    }
}
