package nl.wijkroute.privacy.retention;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long personal data is kept after the household's last case ended (support_case.closed_at: the
 * moment support ended, i.e. nazorg began or the case was closed straight away). The defaults and
 * their sources are in docs/decisions/0019-retention-and-erasure.md; a municipality sets its own
 * after its archivist has checked them.
 *
 * @param caseFile          the wijkteam's case file: signals, triage, vraagverheldering, plan, handovers, regie, escalations
 * @param toegangDecisions  toegang requests and decisions (Wmo, Participatiewet, Wgs) and the household's identity they need
 * @param jeugdwet          everything of a household that had Jeugdwet support (replaces both terms above)
 * @param cron              when the erasure job runs (Spring cron, Europe/Amsterdam); "-" switches it off
 */
@ConfigurationProperties("wijkroute.retention")
public record RetentionProperties(
        @DefaultValue("P10Y") Period caseFile,
        @DefaultValue("P15Y") Period toegangDecisions,
        @DefaultValue("P20Y") Period jeugdwet,
        @DefaultValue("0 30 2 * * *") String cron) {

    public RetentionProperties {
        for (Period term : new Period[] {caseFile, toegangDecisions, jeugdwet}) {
            if (term.isNegative() || term.isZero()) {
                throw new IllegalArgumentException("wijkroute.retention terms must be positive");
            }
        }
    }

    /** The term for the case file of a household. */
    Period caseFileTerm(boolean jeugdwetInvolved) {
        return jeugdwetInvolved ? jeugdwet : caseFile;
    }

    /** The term after which nothing of the household may remain identifiable. */
    Period fullTerm(boolean jeugdwetInvolved, boolean hasToegangRequests) {
        if (jeugdwetInvolved) {
            return jeugdwet;
        }
        return hasToegangRequests && longer(toegangDecisions, caseFile) ? toegangDecisions : caseFile;
    }

    /** The shortest term: households that ended support more recently than this need no look. */
    Period shortest() {
        Period shortest = caseFile;
        for (Period term : new Period[] {toegangDecisions, jeugdwet}) {
            if (longer(shortest, term)) {
                shortest = term;
            }
        }
        return shortest;
    }

    // Periods do not compare (a month has no fixed length); measured from one fixed day they do.
    private static boolean longer(Period a, Period b) {
        java.time.LocalDate base = java.time.LocalDate.of(2000, 1, 1);
        return base.plus(a).isAfter(base.plus(b));
    }
}
