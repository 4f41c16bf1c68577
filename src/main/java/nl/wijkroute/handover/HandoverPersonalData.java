package nl.wijkroute.handover;

import nl.wijkroute.privacy.retention.PersonalDataHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A closed case's warme overdracht: its summary, who gave consent and why it was declined.
 * Called by retention in the erasure's transaction (SPI {@link PersonalDataHolder}, decision 0052).
 */
@Component
class HandoverPersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;

    HandoverPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static final String EMPTY_SUMMARY = "{\"assessments\": [], \"goals\": []}";

    @Override
    public void eraseCaseFiles(Erasure erasure) {
        jdbc.update("""
                update handover set summary = cast(? as jsonb), consent = consent - 'givenBy', decline_reason = null,
                                    version = version + 1
                where case_id = any(cast(? as uuid[]))
                """, EMPTY_SUMMARY, erasure.closedCasesArray());
    }
}
