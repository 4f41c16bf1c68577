/** Partner organisations (admin-managed): a leaf capability, using only the system module's paging and problem+json. */
@ApplicationModule(displayName = "Partner", allowedDependencies = {"system :: paging", "system :: problem"})
package nl.wijkroute.partner;

import org.springframework.modulith.ApplicationModule;
