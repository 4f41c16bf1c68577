/**
 * Shared infrastructure every capability uses through its named interfaces (paging, problem, security,
 * idempotency) and its base package (the clock, {@link nl.wijkroute.system.MunicipalTime}); it depends on no
 * capability itself (decision 0036).
 */
@ApplicationModule(displayName = "System", allowedDependencies = {})
package nl.wijkroute.system;

import org.springframework.modulith.ApplicationModule;
