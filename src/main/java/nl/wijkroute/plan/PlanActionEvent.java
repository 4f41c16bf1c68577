package nl.wijkroute.plan;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One status change or dated progress note on a plan action. Only ever added (the table refuses changes). */
@Entity
@Immutable
@Table(name = "plan_action_event")
class PlanActionEvent extends nl.wijkroute.system.InsertedOnceEntity {

    enum Kind { STATUS, NOTE }

    @jakarta.persistence.Id
    private UUID id;

    private UUID planId;

    private UUID actionId;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    private PlanContent.ActionStatus statusFrom;

    @Enumerated(EnumType.STRING)
    private PlanContent.ActionStatus statusTo;

    private LocalDate noteDate;

    /** The note, or the reason an action was stopped. */
    private String text;

    private String author;

    private String organisationId;

    private Instant recordedAt;

    protected PlanActionEvent() {
    }

    private PlanActionEvent(UUID planId, UUID actionId, Kind kind, String author, String organisationId, Instant at) {
        this.id = UUID.randomUUID();
        this.planId = planId;
        this.actionId = actionId;
        this.kind = kind;
        this.author = author;
        this.organisationId = organisationId;
        this.recordedAt = at;
    }

    static PlanActionEvent status(UUID planId, UUID actionId, PlanContent.ActionStatus from, PlanContent.ActionStatus to,
                                  String reason, String author, String organisationId, Instant at) {
        PlanActionEvent event = new PlanActionEvent(planId, actionId, Kind.STATUS, author, organisationId, at);
        event.statusFrom = from;
        event.statusTo = to;
        event.text = reason;
        return event;
    }

    static PlanActionEvent note(UUID planId, UUID actionId, LocalDate date, String text, String author,
                                String organisationId, Instant at) {
        PlanActionEvent event = new PlanActionEvent(planId, actionId, Kind.NOTE, author, organisationId, at);
        event.noteDate = date;
        event.text = text;
        return event;
    }

    @Override
    public UUID getId() {
        return id;
    }

    Kind getKind() {
        return kind;
    }

    PlanContent.ActionStatus getStatusFrom() {
        return statusFrom;
    }

    PlanContent.ActionStatus getStatusTo() {
        return statusTo;
    }

    LocalDate getNoteDate() {
        return noteDate;
    }

    String getText() {
        return text;
    }

    String getAuthor() {
        return author;
    }

    String getOrganisationId() {
        return organisationId;
    }

    Instant getRecordedAt() {
        return recordedAt;
    }
}
