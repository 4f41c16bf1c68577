/** Partner organisations (admin-managed): a capability using the system module's paging and problem+json, and household's teams (an organisation may not take a team's id). */
@ApplicationModule(displayName = "Partner", allowedDependencies = {"household", "system :: paging", "system :: problem"})
package nl.wijkroute.partner;

import org.springframework.modulith.ApplicationModule;
