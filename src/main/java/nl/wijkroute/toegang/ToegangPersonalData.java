package nl.wijkroute.toegang;

import nl.wijkroute.privacy.retention.PersonalDataHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The toegang decisions' and bezwaren's reasons: kept with the case files, erased with everything.
 * Called by retention in the erasure's transaction (SPI {@link PersonalDataHolder}, decision 0052).
 */
@Component
class ToegangPersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;

    ToegangPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The decisions outlive the case files (a decision may be asked for later); nothing here goes with them. */
    @Override
    public void eraseCaseFiles(Erasure erasure) {
    }

    @Override
    public void eraseEverything(Erasure erasure) {
        jdbc.update("""
                update toegang_request set decision_reason = null, version = version + 1
                where decision_reason is not null and case_id = any(cast(? as uuid[]))
                """, erasure.allCasesArray());
        jdbc.update("""
                update toegang_bezwaar set outcome_reason = null, version = version + 1
                where outcome_reason is not null and case_id = any(cast(? as uuid[]))
                """, erasure.allCasesArray());
    }
}
