package nl.wijkroute.signal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import nl.wijkroute.system.InsertedOnceEntity;
import nl.wijkroute.household.Leefgebied;
import nl.wijkroute.triage.Urgency;

/** A signaal/melding that a household may need help. Always belongs to the household's case. */
@Entity
@Table(name = "signal")
public class Signal extends InsertedOnceEntity {

    @Id
    private UUID id;

    @Column(name = "case_id")
    private UUID caseId;

    @Column(name = "household_id")
    private UUID householdId;

    @Enumerated(EnumType.STRING)
    private SourceType sourceType;

    private String sourceOrganisation;

    private String description;

    @Enumerated(EnumType.STRING)
    private Urgency urgency;

    private boolean safetyConcern;

    private Instant receivedAt;

    private String registeredBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "signal_leefgebied", joinColumns = @JoinColumn(name = "signal_id"))
    @Column(name = "leefgebied")
    @Enumerated(EnumType.STRING)
    private Set<Leefgebied> leefgebieden = EnumSet.noneOf(Leefgebied.class);

    protected Signal() {
    }

    Signal(UUID caseId, UUID householdId, SourceType sourceType, String sourceOrganisation, String description,
           Urgency urgency, boolean safetyConcern, Set<Leefgebied> leefgebieden, Instant receivedAt, String registeredBy) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.householdId = householdId;
        this.sourceType = sourceType;
        this.sourceOrganisation = sourceOrganisation;
        this.description = description;
        this.urgency = urgency;
        this.safetyConcern = safetyConcern;
        this.leefgebieden = leefgebieden.isEmpty() ? EnumSet.noneOf(Leefgebied.class) : EnumSet.copyOf(leefgebieden);
        this.receivedAt = receivedAt;
        this.registeredBy = registeredBy;
    }

    public UUID getId() {
        return id;
    }

    public UUID getCaseId() {
        return caseId;
    }

    public UUID getHouseholdId() {
        return householdId;
    }

    public SourceType getSourceType() {
        return sourceType;
    }

    public String getSourceOrganisation() {
        return sourceOrganisation;
    }

    public String getDescription() {
        return description;
    }

    public Urgency getUrgency() {
        return urgency;
    }

    public boolean isSafetyConcern() {
        return safetyConcern;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public String getRegisteredBy() {
        return registeredBy;
    }

    public Set<Leefgebied> getLeefgebieden() {
        return leefgebieden;
    }
}
