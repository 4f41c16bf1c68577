package nl.wijkroute.regie;

import nl.wijkroute.privacy.retention.PersonalDataHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Why regie moved, for a closed case.
 * Called by retention in the erasure's transaction (SPI {@link PersonalDataHolder}, decision 0052).
 */
@Component
class RegiePersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;

    RegiePersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void eraseCaseFiles(Erasure erasure) {
        jdbc.update("update regie_assignment set reason = null, version = version + 1 where reason is not null"
                + " and case_id = any(cast(? as uuid[]))", erasure.closedCasesArray());
    }
}
