package nl.wijkroute.household;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** A member of a household. The BSN is kept for matching only: never logged, never returned. */
@Entity
@Table(name = "household_member")
public class HouseholdMember {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "household_id")
    private Household household;

    private String givenName;

    private String familyName;

    private LocalDate birthDate;

    private String bsn;

    protected HouseholdMember() {
    }

    HouseholdMember(Household household, String givenName, String familyName, LocalDate birthDate, String bsn) {
        this.id = UUID.randomUUID();
        this.household = household;
        this.givenName = givenName;
        this.familyName = familyName;
        this.birthDate = birthDate;
        this.bsn = bsn;
    }

    public UUID getId() {
        return id;
    }

    public String getGivenName() {
        return givenName;
    }

    public String getFamilyName() {
        return familyName;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public boolean hasBsn() {
        return bsn != null;
    }

    @Override
    public String toString() {
        // Deliberately without names or BSN: entities end up in logs through exceptions.
        return "HouseholdMember[" + id + "]";
    }
}
