package nl.wijkroute.household;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import nl.wijkroute.system.problem.InvalidInputException;
import nl.wijkroute.system.problem.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
public class HouseholdService {

    private final HouseholdRepository households;
    private final WijkRepository wijken;
    private final Clock clock;

    HouseholdService(HouseholdRepository households, WijkRepository wijken, Clock clock) {
        this.households = households;
        this.wijken = wijken;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Household get(UUID id) {
        return households.findById(id).orElseThrow(() -> new NotFoundException("Huishouden bestaat niet."));
    }

    /** An existing household by id; the field name is used when it does not exist. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Household existing(UUID id, String field) {
        return households.findById(id)
                .orElseThrow(() -> new NotFoundException("Huishouden " + id + " bestaat niet.", field));
    }

    /**
     * The household a signal is about: a known member's BSN finds the household it belongs to
     * (so a second door does not create a second household); otherwise a new one is registered.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Household findOrRegister(NewHousehold data, String fieldPrefix) {
        Optional<Household> known = data.members().stream()
                .map(NewHousehold.NewMember::bsn)
                .filter(Objects::nonNull)
                .map(households::findByMemberBsn)
                .flatMap(Optional::stream)
                .findFirst();
        if (known.isPresent()) {
            return known.get();
        }
        Wijk wijk = wijken.findById(data.wijkId())
                .orElseThrow(() -> new InvalidInputException(fieldPrefix + ".wijk", "Onbekende wijk: " + data.wijkId()));
        Household household = new Household(data.displayName(), wijk, data.postcode(), clock.instant());
        data.members().forEach(m -> household.addMember(m.givenName(), m.familyName(), m.birthDate(), m.bsn()));
        return households.save(household);
    }
}
