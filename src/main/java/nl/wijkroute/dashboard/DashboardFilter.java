package nl.wijkroute.dashboard;

import java.time.Instant;

/** Which cases an indicator counts: one team and/or wijk (or all), and a period [from, to). */
public record DashboardFilter(String team, String wijk, Instant from, Instant to) {
}
