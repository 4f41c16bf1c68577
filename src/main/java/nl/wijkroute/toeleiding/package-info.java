/**
 * Toeleiding (the short route, routekaart step 4 → nazorg): the toeleiding step's input and the trace it
 * leaves — what the household was connected to and whether the voorliggend veld was used before any
 * maatwerk request — which the case file and toegang read through {@link nl.wijkroute.toeleiding.ToeleidingService}.
 */
@ApplicationModule(displayName = "Toeleiding")
package nl.wijkroute.toeleiding;

import org.springframework.modulith.ApplicationModule;
