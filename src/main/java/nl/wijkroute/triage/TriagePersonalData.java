package nl.wijkroute.triage;

import nl.wijkroute.privacy.retention.PersonalDataHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The triage's summary of a closed case.
 * Called by retention in the erasure's transaction (SPI {@link PersonalDataHolder}, decision 0052).
 */
@Component
class TriagePersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;

    TriagePersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void eraseCaseFiles(Erasure erasure) {
        jdbc.update("update triage_assessment set summary = ? where case_id = any(cast(? as uuid[]))", ERASED_TEXT,
                erasure.closedCasesArray());
    }
}
