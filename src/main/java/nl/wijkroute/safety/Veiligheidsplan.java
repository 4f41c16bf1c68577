package nl.wijkroute.safety;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** The veiligheidsplan of a case. Its content lives in immutable {@link VeiligheidsplanVersion}s; this row points at the newest. */
@Entity
@Table(name = "veiligheidsplan")
class Veiligheidsplan {

    @Id
    private UUID id;

    @Column(name = "case_id")
    private UUID caseId;

    private int currentVersion;

    private Instant createdAt;

    @Version
    private long version;

    protected Veiligheidsplan() {
    }

    Veiligheidsplan(UUID caseId, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.currentVersion = 0;
        this.createdAt = createdAt;
    }

    int nextVersion() {
        return ++currentVersion;
    }

    UUID getId() {
        return id;
    }

    UUID getCaseId() {
        return caseId;
    }

    int getCurrentVersion() {
        return currentVersion;
    }
}
