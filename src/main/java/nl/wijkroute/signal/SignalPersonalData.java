package nl.wijkroute.signal;

import nl.wijkroute.privacy.retention.PersonalDataHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The signal's free text of a closed case.
 * Called by retention in the erasure's transaction (SPI {@link PersonalDataHolder}, decision 0052).
 */
@Component
class SignalPersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;

    SignalPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void eraseCaseFiles(Erasure erasure) {
        // The source is typed in by hand and may name a person (a GP, a neighbour); counts use source_type.
        jdbc.update("update signal set description = ?, source_organisation = null where case_id = any(cast(? as uuid[]))",
                ERASED_TEXT, erasure.closedCasesArray());
    }
}
