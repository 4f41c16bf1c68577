package nl.wijkroute.escalation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** A follow-up the doorbraak agreed on: who does it, by when, and whether it is done. */
@Entity
@Table(name = "doorbraak_action")
public class DoorbraakAction {

    @Id
    private UUID id;

    @Column(name = "escalation_id")
    private UUID escalationId;

    private String description;

    private String organisationId;

    private LocalDate dueOn;

    private LocalDate doneOn;

    protected DoorbraakAction() {
    }

    DoorbraakAction(UUID escalationId, String description, String organisationId, LocalDate dueOn) {
        this.id = UUID.randomUUID();
        this.escalationId = escalationId;
        this.description = description;
        this.organisationId = organisationId;
        this.dueOn = dueOn;
    }

    void done(LocalDate on) {
        this.doneOn = on;
    }

    public UUID getId() {
        return id;
    }

    public UUID getEscalationId() {
        return escalationId;
    }

    public String getDescription() {
        return description;
    }

    public String getOrganisationId() {
        return organisationId;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public LocalDate getDoneOn() {
        return doneOn;
    }
}
