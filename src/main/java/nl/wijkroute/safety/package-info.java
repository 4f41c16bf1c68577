/**
 * Safety in the route (routekaart step 0, "veilige leefomgeving"): the record of the Meldcode huiselijk
 * geweld en kindermishandeling per case, the veiligheidsplan with its veiligheidsvoorwaarden per member,
 * and Veilig Thuis handing a case back. Only the team that works with the household (and a
 * break-the-glass grant) sees the contents; others learn at most that a veiligheidsplan exists
 * (decision 0047).
 */
@ApplicationModule(displayName = "Safety")
package nl.wijkroute.safety;

import org.springframework.modulith.ApplicationModule;
