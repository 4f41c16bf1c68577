package nl.wijkroute.deadline;

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

/** One statutory term running for a toegang request: when it started, when it ends, whether it is at risk or breached. */
@Entity
@Table(name = "legal_deadline")
public class LegalDeadline {

    public enum Status { RUNNING, SUSPENDED, MET }

    @Id
    private UUID id;

    @Column(name = "case_id")
    private UUID caseId;

    @Column(name = "toegang_request_id")
    private UUID toegangRequestId;

    @Enumerated(EnumType.STRING)
    private LegalTerm term;

    private String legalBasis;

    private LocalDate receivedOn;

    private LocalDate dueOn;

    private LocalDate warnOn;

    /** In the term's unit: calendar days for a term in weeks, werkdagen for a term in working days. */
    private int suspendedDays;

    private LocalDate suspendedSince;

    /** Weeks the term was extended (Awb 7:10 lid 3), 0 when it was not. */
    private int extendedWeeks;

    private String extensionReason;

    @Enumerated(EnumType.STRING)
    private Status status;

    private boolean atRisk;

    private boolean breached;

    private LocalDate metOn;

    private Instant createdAt;

    @Version
    private long version;

    protected LegalDeadline() {
    }

    LegalDeadline(UUID caseId, UUID toegangRequestId, LegalTerm term, LocalDate receivedOn, LocalDate dueOn, LocalDate warnOn,
                  Instant createdAt) {
        this.id = UUID.randomUUID();
        this.createdAt = createdAt;
        this.caseId = caseId;
        this.toegangRequestId = toegangRequestId;
        this.term = term;
        this.legalBasis = term.legalBasis();
        this.receivedOn = receivedOn;
        this.dueOn = dueOn;
        this.warnOn = warnOn;
        this.status = Status.RUNNING;
    }

    void suspend(LocalDate since) {
        this.status = Status.SUSPENDED;
        this.suspendedSince = since;
    }

    /** @param days how long the suspension stood the term still, in the term's unit ({@link LegalTerm#suspendedDays}) */
    void resume(long days, LocalDate newDueOn, LocalDate newWarnOn) {
        this.suspendedDays += Math.toIntExact(days);
        this.suspendedSince = null;
        this.status = Status.RUNNING;
        this.dueOn = newDueOn;
        this.warnOn = newWarnOn;
    }

    void extend(int weeks, String reason, LocalDate newDueOn, LocalDate newWarnOn) {
        this.extendedWeeks += weeks;
        this.extensionReason = reason;
        this.dueOn = newDueOn;
        this.warnOn = newWarnOn;
        // The warning is due again before the new end.
        this.atRisk = false;
    }

    void markAtRisk() {
        this.atRisk = true;
    }

    void markBreached() {
        this.breached = true;
    }

    void meet(LocalDate on) {
        this.status = Status.MET;
        this.metOn = on;
    }

    public UUID getId() {
        return id;
    }

    public UUID getCaseId() {
        return caseId;
    }

    public UUID getToegangRequestId() {
        return toegangRequestId;
    }

    public LegalTerm getTerm() {
        return term;
    }

    public String getLegalBasis() {
        return legalBasis;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public LocalDate getWarnOn() {
        return warnOn;
    }

    public int getSuspendedDays() {
        return suspendedDays;
    }

    public LocalDate getSuspendedSince() {
        return suspendedSince;
    }

    public int getExtendedWeeks() {
        return extendedWeeks;
    }

    public Status getStatus() {
        return status;
    }

    public boolean isAtRisk() {
        return atRisk;
    }

    public boolean isBreached() {
        return breached;
    }

    public LocalDate getMetOn() {
        return metOn;
    }
}
