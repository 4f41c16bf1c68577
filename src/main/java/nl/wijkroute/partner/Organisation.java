package nl.wijkroute.partner;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A partner organisation. Its id is the {@code organisation} claim its professionals carry. */
@Entity
@Table(name = "organisation")
public class Organisation {

    @Id
    private String id;

    private String name;

    @Enumerated(EnumType.STRING)
    private OrganisationType type;

    private boolean active;

    protected Organisation() {
    }

    Organisation(String id, String name, OrganisationType type) {
        this.id = id;
        this.name = name;
        this.type = type;
        this.active = true;
    }

    void update(String name, OrganisationType type, boolean active) {
        this.name = name;
        this.type = type;
        this.active = active;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public OrganisationType getType() {
        return type;
    }

    public boolean isActive() {
        return active;
    }
}
