package nl.wijkroute.assessment;

import static nl.wijkroute.household.Leefgebied.FINANCIEN;
import static nl.wijkroute.household.Leefgebied.GEESTELIJKE_GEZONDHEID;
import static nl.wijkroute.household.Leefgebied.HUISELIJKE_RELATIES;
import static nl.wijkroute.household.Leefgebied.JUSTITIE;
import static nl.wijkroute.household.Leefgebied.LICHAMELIJKE_GEZONDHEID;
import static nl.wijkroute.household.Leefgebied.MAATSCHAPPELIJKE_PARTICIPATIE;
import static nl.wijkroute.household.Leefgebied.MIDDELENGEBRUIK;
import static nl.wijkroute.household.Leefgebied.OPVOEDEN_EN_OPGROEIEN;
import static nl.wijkroute.household.Leefgebied.SOCIAAL_NETWERK;
import static nl.wijkroute.household.Leefgebied.TIJDSBESTEDING;
import static nl.wijkroute.household.Leefgebied.VEILIGHEID;
import static nl.wijkroute.household.Leefgebied.WERK_EN_OPLEIDING;

import java.time.LocalDate;
import java.time.Period;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import nl.wijkroute.household.Leefgebied;

/**
 * The age bands that decide which leefgebieden a member's vraagverheldering must cover (decision 0045).
 * Adults get every leefgebied (the zelfredzaamheidsmatrix is made for adults, plus opvoeden en opgroeien
 * and veiligheid); a child gets the ones that fit their age: what a child cannot carry yet (housing, money
 * of the household, ADL) is the parents' and is seen under their opvoeden en opgroeien.
 */
public enum LifeStage {
    /** 0–3: development, health, the home and safety. */
    JONG_KIND(0, EnumSet.of(OPVOEDEN_EN_OPGROEIEN, LICHAMELIJKE_GEZONDHEID, GEESTELIJKE_GEZONDHEID, HUISELIJKE_RELATIES,
            VEILIGHEID)),
    /** 4–11: from the basisschool on (most children start at 4; leerplicht at 5): school, free time, friends. */
    KIND(4, EnumSet.of(OPVOEDEN_EN_OPGROEIEN, LICHAMELIJKE_GEZONDHEID, GEESTELIJKE_GEZONDHEID, HUISELIJKE_RELATIES,
            VEILIGHEID, WERK_EN_OPLEIDING, TIJDSBESTEDING, SOCIAAL_NETWERK)),
    /**
     * 12–17: voortgezet onderwijs and the age of criminal responsibility (12, art. 486 Sv): also substances,
     * justice, own money (pocket money, a first job) and taking part in society.
     */
    JONGERE(12, EnumSet.of(OPVOEDEN_EN_OPGROEIEN, LICHAMELIJKE_GEZONDHEID, GEESTELIJKE_GEZONDHEID, HUISELIJKE_RELATIES,
            VEILIGHEID, WERK_EN_OPLEIDING, TIJDSBESTEDING, SOCIAAL_NETWERK, MIDDELENGEBRUIK, JUSTITIE, FINANCIEN,
            MAATSCHAPPELIJKE_PARTICIPATIE)),
    /** 18 and older (meerderjarig), and anyone whose birth date is unknown: every leefgebied. */
    VOLWASSENE(18, EnumSet.allOf(Leefgebied.class));

    private final int fromAge;
    private final Set<Leefgebied> leefgebieden;

    LifeStage(int fromAge, Set<Leefgebied> leefgebieden) {
        this.fromAge = fromAge;
        this.leefgebieden = Collections.unmodifiableSet(leefgebieden);
    }

    /** The stage of a member born on {@code birthDate} on the day {@code on}; unknown birth date counts as adult. */
    public static LifeStage of(LocalDate birthDate, LocalDate on) {
        if (birthDate == null) {
            return VOLWASSENE;
        }
        int age = Period.between(birthDate, on).getYears();
        LifeStage stage = JONG_KIND;
        for (LifeStage candidate : values()) {
            if (age >= candidate.fromAge) {
                stage = candidate;
            }
        }
        return stage;
    }

    /** The leefgebieden that must each be filled for a member of this stage (ordered as the enum). */
    public Set<Leefgebied> leefgebieden() {
        return leefgebieden;
    }
}
