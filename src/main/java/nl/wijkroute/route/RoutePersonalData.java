package nl.wijkroute.route;

import nl.wijkroute.privacy.retention.PersonalDataHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The reasons in a closed case's step history and why the case closed.
 * Called by retention in the erasure's transaction (SPI {@link PersonalDataHolder}, decision 0052).
 */
@Component
class RoutePersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;

    RoutePersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void eraseCaseFiles(Erasure erasure) {
        jdbc.update("update step_history set reason = null where reason is not null and case_id = any(cast(? as uuid[]))",
                erasure.closedCasesArray());
        jdbc.update("update support_case set closure_reason = null, version = version + 1 where closure_reason is not null"
                + " and id = any(cast(? as uuid[]))", erasure.closedCasesArray());
    }
}
