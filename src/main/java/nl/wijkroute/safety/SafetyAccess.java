package nl.wijkroute.safety;

import java.util.UUID;
import nl.wijkroute.privacy.access.AccessAction;
import nl.wijkroute.privacy.access.CaseAccess;
import nl.wijkroute.privacy.access.DataCategory;
import nl.wijkroute.system.security.CurrentUser;

/**
 * The gate to the safety data of a case. A role that may never see it (a partner) is answered 404, not
 * 403: a partner is often in scope of the case, and the answer must not differ from that of a case with
 * no meldcode record at all (decision 0047). Everyone else goes through {@link CaseAccess} as usual
 * (scope, break-the-glass, access log).
 */
final class SafetyAccess {

    private SafetyAccess() {
    }

    static void require(CaseAccess access, UUID caseId, AccessAction action) {
        if (CurrentUser.current().isPresent() && !access.allows(DataCategory.SAFETY, action)) {
            throw access.refusedAsNotFound(caseId, DataCategory.SAFETY, action);
        }
        access.require(caseId, DataCategory.SAFETY, action);
    }
}
