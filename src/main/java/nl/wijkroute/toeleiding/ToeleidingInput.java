package nl.wijkroute.toeleiding;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.wijkroute.route.step.OutcomeInput;

/**
 * The toeleiding step's input.
 *
 * @param connectedTo             CONNECTED to a named voorziening in the voorliggend veld (free, no indication:
 *                                the voedselbank, formulierenhulp in de bibliotheek, een maatjesproject)
 * @param connectedOrganisationId CONNECTED to an organisation from the partner register instead (its id)
 * @param voorliggendVeldUsed     whether the household used the voorliggend veld (free community provisions)
 *                                before any maatwerk request; implied by a connection in the voorliggend veld,
 *                                required otherwise
 */
public record ToeleidingInput(@NotNull ToeleidingOutcome outcome,
                              @Size(max = 200) String connectedTo,
                              @Size(max = 64) String connectedOrganisationId,
                              Boolean voorliggendVeldUsed,
                              @Size(max = 2000) String reason) implements OutcomeInput<ToeleidingOutcome> {
}
