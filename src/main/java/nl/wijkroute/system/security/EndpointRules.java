package nl.wijkroute.system.security;

import static nl.wijkroute.system.security.Roles.ADMIN;
import static nl.wijkroute.system.security.Roles.FRONTOFFICE;
import static nl.wijkroute.system.security.Roles.INWONER;
import static nl.wijkroute.system.security.Roles.MANAGER;
import static nl.wijkroute.system.security.Roles.PARTNER;
import static nl.wijkroute.system.security.Roles.PRIVACY;
import static nl.wijkroute.system.security.Roles.PROCESREGISSEUR;
import static nl.wijkroute.system.security.Roles.REFLECTIE_DEELNEMER;
import static nl.wijkroute.system.security.Roles.TOEGANG;
import static nl.wijkroute.system.security.Roles.WIJKTEAM;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

/**
 * The roles of every API endpoint, in one table: HTTP method + path pattern (as the controller maps it)
 * -> the roles that may call it. The security filter chain is built from this table, so a role check
 * answers before Spring MVC reads or validates the body: a caller without the role never learns the
 * input shape from a 400. Scope (which households) is decided later, in {@code CaseAccess}.
 * <p>
 * Every /api handler must have its rule here; {@link #uncovered} finds those that have none (checked at
 * startup and by a test), so no endpoint is left to a default.
 */
public final class EndpointRules {

    /** One rule: who may call this method on this path pattern. */
    public record Rule(HttpMethod method, String pattern, Set<String> roles) {

        public Rule {
            roles = Set.copyOf(roles);
        }

        String key() {
            return EndpointRules.key(method.name(), pattern);
        }
    }

    /** Every role of the API: for the few things any signed-in user may read (the organisation list). */
    private static final String[] ANY_ROLE = {FRONTOFFICE, WIJKTEAM, TOEGANG, PROCESREGISSEUR, PARTNER, MANAGER, ADMIN,
            PRIVACY, INWONER};
    private static final String[] CASEWORK_READERS = {FRONTOFFICE, WIJKTEAM, TOEGANG, PROCESREGISSEUR};
    private static final String[] ASSESSMENT_READERS = {WIJKTEAM, PROCESREGISSEUR, TOEGANG};
    /**
     * Everyone who can take part in a reflection session: workers, managers and non-workers with the
     * reflectie-deelnemer role. Which session and which step is theirs (organiser, facilitator, participant)
     * the reflection service decides; a session that is not theirs is 404.
     */
    private static final String[] REFLECTION = {FRONTOFFICE, WIJKTEAM, TOEGANG, PROCESREGISSEUR, PARTNER, MANAGER,
            REFLECTIE_DEELNEMER};

    public static final List<Rule> API = List.of(
            // Signaleren and the case file
            post("/api/v1/signals", FRONTOFFICE, WIJKTEAM, PARTNER, TOEGANG, PROCESREGISSEUR),
            get("/api/v1/cases", CASEWORK_READERS),
            get("/api/v1/cases/{id}", CASEWORK_READERS),
            get("/api/v1/cases/{id}/history", FRONTOFFICE, WIJKTEAM, TOEGANG, PROCESREGISSEUR, PARTNER),
            // Werkbak (a partner: the regie and evaluatie steps of cases whose casusregie their organisation holds)
            get("/api/v1/tasks", FRONTOFFICE, WIJKTEAM, PARTNER),
            post("/api/v1/tasks/{id}/claim", FRONTOFFICE, WIJKTEAM, PARTNER),
            post("/api/v1/tasks/{id}/unclaim", FRONTOFFICE, WIJKTEAM, PARTNER),
            post("/api/v1/tasks/{id}/complete", FRONTOFFICE, WIJKTEAM, PARTNER),
            // Vraagverheldering
            get("/api/v1/cases/{caseId}/vraagverheldering", ASSESSMENT_READERS),
            put("/api/v1/cases/{caseId}/vraagverheldering/{memberId}/{leefgebied}", WIJKTEAM),
            post("/api/v1/cases/{caseId}/vraagverheldering/assessments", WIJKTEAM),
            get("/api/v1/cases/{caseId}/vraagverheldering/changes", WIJKTEAM, PROCESREGISSEUR, TOEGANG, PARTNER),
            // Plan
            post("/api/v1/cases/{caseId}/plan", WIJKTEAM),
            put("/api/v1/cases/{caseId}/plan", WIJKTEAM),
            post("/api/v1/cases/{caseId}/plan/agreement", WIJKTEAM),
            post("/api/v1/cases/{caseId}/plan/goals/{goalId}/evaluation", WIJKTEAM),
            get("/api/v1/cases/{caseId}/plan", WIJKTEAM, PROCESREGISSEUR, TOEGANG, PARTNER),
            get("/api/v1/cases/{caseId}/plan/versions", ASSESSMENT_READERS),
            get("/api/v1/cases/{caseId}/plan/versions/{number}", ASSESSMENT_READERS),
            get("/api/v1/cases/{caseId}/plan/diff", ASSESSMENT_READERS),
            // Working in the plan: the owner of an action reports on it, partners propose, the team decides (0043)
            get("/api/v1/cases/{caseId}/plan/actions/{actionId}", WIJKTEAM, PROCESREGISSEUR, TOEGANG, PARTNER),
            post("/api/v1/cases/{caseId}/plan/actions/{actionId}/status", WIJKTEAM, PARTNER),
            post("/api/v1/cases/{caseId}/plan/actions/{actionId}/notes", WIJKTEAM, PARTNER),
            get("/api/v1/cases/{caseId}/plan/proposals", WIJKTEAM, PROCESREGISSEUR, TOEGANG, PARTNER),
            post("/api/v1/cases/{caseId}/plan/proposals", PARTNER),
            post("/api/v1/cases/{caseId}/plan/proposals/{proposalId}/accept", WIJKTEAM),
            post("/api/v1/cases/{caseId}/plan/proposals/{proposalId}/decline", WIJKTEAM),
            // The safety checks per member: the team only (issue 17; decision 0048).
            get("/api/v1/cases/{caseId}/safety-checks", WIJKTEAM),
            // Regie
            get("/api/v1/cases/{caseId}/regie", WIJKTEAM, PROCESREGISSEUR, TOEGANG, FRONTOFFICE, PARTNER),
            post("/api/v1/cases/{caseId}/regie/household", WIJKTEAM, PARTNER),
            post("/api/v1/cases/{caseId}/regie/take", WIJKTEAM),
            // Warme overdracht
            post("/api/v1/cases/{caseId}/handovers", WIJKTEAM, PARTNER),
            get("/api/v1/handovers", WIJKTEAM, PARTNER),
            get("/api/v1/handovers/{id}", WIJKTEAM, PARTNER, PROCESREGISSEUR),
            post("/api/v1/handovers/{id}/accept", PARTNER, WIJKTEAM),
            post("/api/v1/handovers/{id}/decline", PARTNER, WIJKTEAM),
            post("/api/v1/handovers/{id}/withdraw", WIJKTEAM, PARTNER),
            // Safety: the meldcode record and the veiligheidsplan are the team's (a partner is answered 404 there,
            // decision 0047); a partner may learn that a veiligheidsplan exists
            get("/api/v1/cases/{caseId}/meldcode", WIJKTEAM, PARTNER),
            put("/api/v1/cases/{caseId}/meldcode/steps/{step}", WIJKTEAM),
            post("/api/v1/cases/{caseId}/veiligheidsplan", WIJKTEAM),
            put("/api/v1/cases/{caseId}/veiligheidsplan", WIJKTEAM),
            post("/api/v1/cases/{caseId}/veiligheidsplan/agreement", WIJKTEAM),
            get("/api/v1/cases/{caseId}/veiligheidsplan", WIJKTEAM, PARTNER),
            get("/api/v1/cases/{caseId}/veiligheidsplan/versions", WIJKTEAM),
            get("/api/v1/cases/{caseId}/veiligheidsplan/versions/{number}", WIJKTEAM),
            post("/api/v1/cases/{caseId}/veilig-thuis/return", WIJKTEAM),
            get("/api/v1/cases/{caseId}/safety", WIJKTEAM, PARTNER, PROCESREGISSEUR, TOEGANG),
            // Toegang and legal deadlines
            post("/api/v1/cases/{caseId}/toegang", WIJKTEAM, TOEGANG),
            get("/api/v1/cases/{caseId}/toegang", WIJKTEAM, TOEGANG, PROCESREGISSEUR),
            get("/api/v1/cases/{caseId}/deadlines", WIJKTEAM, TOEGANG, PROCESREGISSEUR),
            get("/api/v1/toegang", TOEGANG),
            get("/api/v1/toegang/{id}", WIJKTEAM, TOEGANG, PROCESREGISSEUR),
            post("/api/v1/toegang/{id}/onderzoek", TOEGANG),
            post("/api/v1/toegang/{id}/decision", TOEGANG),
            post("/api/v1/toegang/{id}/bezwaar", TOEGANG),
            get("/api/v1/toegang/{id}/bezwaar", WIJKTEAM, TOEGANG, PROCESREGISSEUR),
            post("/api/v1/toegang/{id}/bezwaar/decision", TOEGANG),
            post("/api/v1/toegang/{id}/herindicatie", TOEGANG),
            post("/api/v1/deadlines/{id}/extend", TOEGANG),
            post("/api/v1/deadlines/{id}/suspend", TOEGANG),
            post("/api/v1/deadlines/{id}/resume", TOEGANG),
            get("/api/v1/deadlines", PROCESREGISSEUR, TOEGANG, WIJKTEAM),
            // Escalation and stagnation
            post("/api/v1/cases/{caseId}/escalations", WIJKTEAM, PARTNER, TOEGANG, PROCESREGISSEUR),
            post("/api/v1/stagnation-signals/{signalId}/escalate", PROCESREGISSEUR),
            get("/api/v1/escalations", PROCESREGISSEUR),
            get("/api/v1/escalations/{id}", PROCESREGISSEUR, WIJKTEAM),
            post("/api/v1/escalations/{id}/take", PROCESREGISSEUR),
            post("/api/v1/escalations/{id}/doorbraak", PROCESREGISSEUR),
            post("/api/v1/escalations/{id}/actions/{actionId}/done", PROCESREGISSEUR),
            post("/api/v1/escalations/{id}/deescalate", PROCESREGISSEUR),
            get("/api/v1/stagnation-signals", PROCESREGISSEUR),
            post("/api/v1/stagnation-signals/detect", PROCESREGISSEUR, ADMIN),
            // Organisations: configuration by the admin, the list for everyone who works with them
            get("/api/v1/organisations", ANY_ROLE),
            get("/api/v1/organisations/{id}", ANY_ROLE),
            post("/api/v1/organisations", ADMIN),
            put("/api/v1/organisations/{id}", ADMIN),
            // Operations: the engine's failed jobs, listed and retried
            get("/api/v1/admin/failed-jobs", ADMIN),
            post("/api/v1/admin/failed-jobs/{id}/retry", ADMIN),
            // Privacy: break-the-glass, access log, erasure
            post("/api/v1/break-glass", WIJKTEAM, PROCESREGISSEUR),
            get("/api/v1/break-glass", PRIVACY),
            post("/api/v1/break-glass/{id}/review", PRIVACY),
            get("/api/v1/access-log", PRIVACY),
            get("/api/v1/access-log/export", PRIVACY),
            get("/api/v1/access-log/verification", PRIVACY),
            post("/api/v1/privacy/erasure-requests", PRIVACY),
            get("/api/v1/privacy/erasure-requests", PRIVACY),
            get("/api/v1/privacy/erasure-requests/{id}", PRIVACY),
            post("/api/v1/privacy/erasure-requests/{id}/decision", PRIVACY),
            // The resident's own view
            get("/api/v1/me", INWONER),
            get("/api/v1/me/plan", INWONER),
            get("/api/v1/me/access-log", INWONER),
            // The team decides whether the household's own view may show a safety case's step (decision 0049)
            put("/api/v1/cases/{caseId}/resident-view", WIJKTEAM),
            // Dashboard: aggregates only
            get("/api/v1/dashboard/work-in-progress", MANAGER),
            get("/api/v1/dashboard/lead-times", MANAGER),
            get("/api/v1/dashboard/flow", MANAGER),
            get("/api/v1/dashboard/deadlines", MANAGER),
            get("/api/v1/dashboard/bezwaren", MANAGER),
            get("/api/v1/dashboard/escalations", MANAGER),
            get("/api/v1/dashboard/handovers", MANAGER),
            get("/api/v1/dashboard/front-door", MANAGER),
            get("/api/v1/dashboard/recurrence", MANAGER),
            get("/api/v1/dashboard/goals-attained", MANAGER),
            get("/api/v1/dashboard/one-regisseur", MANAGER),
            get("/api/v1/dashboard/involvement", MANAGER),
            get("/api/v1/dashboard/short-route", MANAGER),
            get("/api/v1/dashboard/self-sufficiency-change", MANAGER),
            get("/api/v1/dashboard/teams", MANAGER),
            get("/api/v1/dashboard/wijken", MANAGER),
            get("/api/v1/dashboard/safety", MANAGER),
            // Reflectietool "Ruimte geeft vaart": managers organise and read; sessions hold no personal data
            get("/api/v1/reflection/themes", REFLECTION),
            post("/api/v1/reflection/sessions", MANAGER),
            get("/api/v1/reflection/sessions", REFLECTION),
            get("/api/v1/reflection/sessions/{id}", REFLECTION),
            post("/api/v1/reflection/sessions/{id}/participants", REFLECTION),
            post("/api/v1/reflection/sessions/{id}/scoring", REFLECTION),
            put("/api/v1/reflection/sessions/{id}/scores", REFLECTION),
            post("/api/v1/reflection/sessions/{id}/scoring/close", REFLECTION),
            get("/api/v1/reflection/sessions/{id}/results", REFLECTION),
            post("/api/v1/reflection/sessions/{id}/priorities", REFLECTION),
            put("/api/v1/reflection/sessions/{id}/notes/{theme}", REFLECTION),
            post("/api/v1/reflection/sessions/{id}/conversation/close", REFLECTION),
            post("/api/v1/reflection/sessions/{id}/actions", REFLECTION),
            post("/api/v1/reflection/sessions/{id}/close", REFLECTION),
            get("/api/v1/reflection/sessions/{id}/report", REFLECTION),
            get("/api/v1/reflection/sessions/{id}/report/csv", REFLECTION),
            post("/api/v1/reflection/actions/{id}/evaluation", REFLECTION),
            get("/api/v1/reflection/actions", MANAGER),
            get("/api/v1/reflection/actions/summary", MANAGER),
            get("/api/v1/reflection/trends", MANAGER),
            post("/api/v1/reflection/knelpunten", PROCESREGISSEUR));

    private EndpointRules() {
    }

    /**
     * The /api handler methods without a rule of their own, and rules without a handler (a stale rule
     * would hide a renamed path), each as "METHOD /path"; empty when the table and the controllers agree.
     */
    public static List<String> uncovered(Map<RequestMappingInfo, HandlerMethod> handlers, List<Rule> rules) {
        Set<String> ruled = new LinkedHashSet<>();
        rules.forEach(rule -> ruled.add(rule.key()));
        Set<String> mapped = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        handlers.forEach((info, handler) -> {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                if (methods.isEmpty()) {
                    problems.add("ANY " + pattern + " (" + handler.getShortLogMessage()
                            + "): map one HTTP method, so one rule can cover it");
                }
                for (RequestMethod method : methods) {
                    mapped.add(key(method.name(), pattern));
                    if (!ruled.contains(key(method.name(), pattern))) {
                        problems.add(method + " " + pattern + " (" + handler.getShortLogMessage()
                                + ") has no rule in EndpointRules");
                    }
                }
            }
        });
        rules.stream().filter(rule -> !mapped.contains(rule.key()))
                .forEach(rule -> problems.add(rule.method() + " " + rule.pattern() + " is a rule without an endpoint"));
        return problems;
    }

    /** Path variables may be named differently in the table and the controller; {x} and {y} are the same place. */
    private static String key(String method, String pattern) {
        return method + " " + pattern.replaceAll("\\{[^}]*}", "{}");
    }

    private static Rule get(String pattern, String... roles) {
        return new Rule(HttpMethod.GET, pattern, Set.of(roles));
    }

    private static Rule post(String pattern, String... roles) {
        return new Rule(HttpMethod.POST, pattern, Set.of(roles));
    }

    private static Rule put(String pattern, String... roles) {
        return new Rule(HttpMethod.PUT, pattern, Set.of(roles));
    }
}
