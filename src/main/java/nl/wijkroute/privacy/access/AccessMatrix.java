package nl.wijkroute.privacy.access;

import static nl.wijkroute.privacy.access.AccessAction.CREATE;
import static nl.wijkroute.privacy.access.AccessAction.READ;
import static nl.wijkroute.privacy.access.AccessAction.UPDATE;
import static nl.wijkroute.privacy.access.DataCategory.ASSESSMENT;
import static nl.wijkroute.privacy.access.DataCategory.CASE_FILE;
import static nl.wijkroute.privacy.access.DataCategory.ESCALATION;
import static nl.wijkroute.privacy.access.DataCategory.HANDOVER;
import static nl.wijkroute.privacy.access.DataCategory.PLAN;
import static nl.wijkroute.privacy.access.DataCategory.REGIE;
import static nl.wijkroute.privacy.access.DataCategory.ROUTE;
import static nl.wijkroute.privacy.access.DataCategory.SAFETY;
import static nl.wijkroute.privacy.access.DataCategory.SAFETY_CHECK;
import static nl.wijkroute.privacy.access.DataCategory.TOEGANG;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import nl.wijkroute.system.security.Roles;

/**
 * What each role may do with each category of an in-scope household's data (which households are in
 * scope is {@link CaseScope}'s question). The same table is docs/authorization.md; roles absent here
 * (manager, admin, privacy, inwoner) never touch casework.
 */
public final class AccessMatrix {

    private static final Set<AccessAction> R = EnumSet.of(READ);
    private static final Set<AccessAction> RC = EnumSet.of(READ, CREATE);
    private static final Set<AccessAction> RU = EnumSet.of(READ, UPDATE);
    private static final Set<AccessAction> RCU = EnumSet.of(READ, CREATE, UPDATE);
    private static final Set<AccessAction> C = EnumSet.of(CREATE);

    private static final Map<String, Map<DataCategory, Set<AccessAction>>> MATRIX = Map.of(
            Roles.FRONTOFFICE, Map.of(CASE_FILE, RC, ROUTE, RU, REGIE, R),
            Roles.WIJKTEAM, Map.of(CASE_FILE, RCU, ROUTE, RU, ASSESSMENT, RU, PLAN, RCU, REGIE, RU, HANDOVER, RCU,
                    TOEGANG, RC, ESCALATION, RC, SAFETY, RCU, SAFETY_CHECK, RC),
            // A partner sees the plan and the handover only as far as the household's consent reaches; it updates only
            // its own organisation's actions and proposes changes (decision 0043). ROUTE UPDATE: the regie and evaluatie
            // steps of a case whose casusregie their organisation holds (decision 0044).
            Roles.PARTNER, Map.of(CASE_FILE, C, ROUTE, RU, PLAN, RCU, REGIE, RU, HANDOVER, RCU, ESCALATION, C),
            Roles.TOEGANG, Map.of(CASE_FILE, RC, ROUTE, R, ASSESSMENT, R, PLAN, R, REGIE, R, TOEGANG, RCU, ESCALATION, C),
            Roles.PROCESREGISSEUR, Map.of(CASE_FILE, RC, ROUTE, R, ASSESSMENT, R, PLAN, R, REGIE, R, HANDOVER, R,
                    TOEGANG, R, ESCALATION, RCU));

    private AccessMatrix() {
    }

    public static boolean allows(String role, DataCategory category, AccessAction action) {
        return MATRIX.getOrDefault(role, Map.of()).getOrDefault(category, Set.of()).contains(action);
    }

    /** The roles that take part in casework, i.e. that appear in the matrix. */
    public static Set<String> caseworkRoles() {
        return MATRIX.keySet();
    }
}
