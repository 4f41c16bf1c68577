/**
 * Households, members (BSN), teams and wijken: the bottom of the capability graph, used by the others and
 * using only the system module's problem+json.
 */
@ApplicationModule(displayName = "Household", allowedDependencies = "system :: problem")
package nl.wijkroute.household;

import org.springframework.modulith.ApplicationModule;
