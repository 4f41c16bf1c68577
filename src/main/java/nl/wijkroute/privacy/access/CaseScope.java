package nl.wijkroute.privacy.access;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.wijkroute.escalation.EscalationReadModels;
import nl.wijkroute.handover.HandoverReadModels;
import nl.wijkroute.plan.PlanReadModels;
import nl.wijkroute.privacy.breakglass.BreakGlassReadModels;
import nl.wijkroute.route.RouteReadModels;
import nl.wijkroute.system.security.CurrentUser;
import nl.wijkroute.toegang.ToegangReadModels;
import nl.wijkroute.system.security.Roles;

/**
 * Which cases a user has a reason to see, as an SQL condition on {@code support_case c} (or route's
 * {@link RouteReadModels#CASE_SCOPE_VIEW}, which has the same columns). Lists, counts and single reads all use
 * this one condition, so a query never loads what it would then have to hide. Involvement is read from the
 * owners' views (decision 0052), never their tables; the names are compile-time constants, inlined.
 *
 * @param regular    the cases the user's roles give them (team, involvement, law, escalation)
 * @param breakGlass the cases opened by a break-the-glass grant that has not expired
 * @param parameters the named parameters of both conditions
 */
public record CaseScope(String regular, String breakGlass, Map<String, Object> parameters) {

    /** Stages where the front office guides the question (toeleiding) before the team takes it on. */
    static final List<String> FRONT_DOOR_STAGES = List.of("SIGNALEREN", "TRIAGE", "TOELEIDING");

    public static CaseScope of(CurrentUser user) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("scopeUser", user.username());
        if (user.hasRole(Roles.WIJKTEAM) && user.team() != null) {
            conditions.add("c.team_id = :scopeTeam");
            parameters.put("scopeTeam", user.team());
        }
        if (user.hasRole(Roles.FRONTOFFICE)) {
            conditions.add("c.current_stage in (:scopeFrontDoor)");
            parameters.put("scopeFrontDoor", FRONT_DOOR_STAGES);
        }
        if (user.hasRole(Roles.PARTNER) && user.organisation() != null) {
            // Involved: an accepted warme overdracht, or an action of theirs in the household's current plan.
            conditions.add("""
                    (exists (select 1 from %s h where h.case_id = c.id and h.status = 'ACCEPTED'
                                                         and h.receiver_organisation = :scopeOrganisation)
                     or exists (select 1 from %s pa where pa.case_id = c.id
                                  and pa.organisation_ids @> jsonb_build_array(cast(:scopeOrganisation as text))))"""
                    .formatted(HandoverReadModels.INVOLVEMENT_VIEW, PlanReadModels.ACTION_ORGANISATION_VIEW));
            parameters.put("scopeOrganisation", user.organisation());
        }
        if (user.hasRole(Roles.TOEGANG) && !user.laws().isEmpty()) {
            conditions.add("exists (select 1 from " + ToegangReadModels.REQUEST_LAW_VIEW
                    + " t where t.case_id = c.id and t.law in (:scopeLaws))");
            parameters.put("scopeLaws", List.copyOf(user.laws()));
        }
        if (user.hasRole(Roles.PROCESREGISSEUR)) {
            // Open escalations are every procesregisseur's queue; a finished one stays with its holder.
            conditions.add("""
                    exists (select 1 from %s e where e.case_id = c.id
                                and (e.status <> 'DEESCALATED' or e.procesregisseur = :scopeUser))"""
                    .formatted(EscalationReadModels.INVOLVEMENT_VIEW));
        }
        String regular = conditions.isEmpty() ? "false" : "(" + String.join(" or ", conditions) + ")";
        String breakGlass = canBreakGlass(user)
                ? "exists (select 1 from " + BreakGlassReadModels.GRANT_VIEW + " g where g.case_id = c.id and g.username = :scopeUser"
                  + " and g.expires_at > now())"
                : "false";
        return new CaseScope(regular, breakGlass, Map.copyOf(parameters));
    }

    /** Break-the-glass is for the people who act in urgent safety situations. */
    public static boolean canBreakGlass(CurrentUser user) {
        return user.hasRole(Roles.WIJKTEAM) || user.hasRole(Roles.PROCESREGISSEUR);
    }

    /** The scope's parameters with one more, for a query that adds its own. */
    public Map<String, Object> parametersWith(String name, Object value) {
        Map<String, Object> all = new java.util.HashMap<>(parameters);
        all.put(name, value);
        return all;
    }

    /** Regular or break-the-glass: the condition a list uses. */
    public String condition() {
        return "(" + regular + " or " + breakGlass + ")";
    }
}
