package nl.wijkroute.privacy.resident;

import nl.wijkroute.privacy.retention.PersonalDataHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Why the team let the household see a closed safety case's step (decision 0049).
 * Called by retention in the erasure's transaction (SPI {@link PersonalDataHolder}, decision 0052).
 */
@Component
class ResidentViewPersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;

    ResidentViewPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void eraseCaseFiles(Erasure erasure) {
        // The reason may tell the safety story too.
        jdbc.update("update resident_view_disclosure set reason = ? where case_id = any(cast(? as uuid[]))",
                ERASED_TEXT, erasure.closedCasesArray());
    }
}
