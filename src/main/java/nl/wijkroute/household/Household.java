package nl.wijkroute.household;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/** A huishouden: the unit that has one case, one plan and one regisseur. */
@Entity
@Table(name = "household")
public class Household {

    @Id
    private UUID id;

    private String displayName;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "wijk_id")
    private Wijk wijk;

    private String postcode;

    private Instant createdAt;

    // A wrapper, null until the first insert: Spring Data then persists a new row instead of merging it, which
    // would first select the row by its (assigned) id to find it absent. Spring Data reads it through getVersion();
    // without a getter it builds an exception on every save before it falls back to the field (decision 0074).
    @Version
    private Long version;

    @OneToMany(mappedBy = "household", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("birthDate")
    private List<HouseholdMember> members = new ArrayList<>();

    protected Household() {
    }

    /** Null until the row is first inserted. */
    public Long getVersion() {
        return version;
    }

    public Household(String displayName, Wijk wijk, String postcode, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.displayName = displayName;
        this.wijk = wijk;
        this.postcode = postcode;
        this.createdAt = createdAt;
    }

    public HouseholdMember addMember(String givenName, String familyName, java.time.LocalDate birthDate, String bsn) {
        HouseholdMember member = new HouseholdMember(this, givenName, familyName, birthDate, bsn);
        members.add(member);
        return member;
    }

    public UUID getId() {
        return id;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Wijk getWijk() {
        return wijk;
    }

    public String getPostcode() {
        return postcode;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public List<HouseholdMember> getMembers() {
        return Collections.unmodifiableList(members);
    }
}
