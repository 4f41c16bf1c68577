package nl.wijkroute.deadline;

import nl.wijkroute.privacy.retention.PersonalDataHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Why a legal term was suspended or extended: kept with the toegang decisions, erased with everything.
 * Called by retention in the erasure's transaction (SPI {@link PersonalDataHolder}, decision 0052).
 */
@Component
class DeadlinePersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;

    DeadlinePersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The legal terms belong with the toegang decisions, which outlive the case files. */
    @Override
    public void eraseCaseFiles(Erasure erasure) {
    }

    @Override
    public void eraseEverything(Erasure erasure) {
        jdbc.update("""
                update deadline_suspension set reason = ?
                where deadline_id in (select d.id from legal_deadline d where d.case_id = any(cast(? as uuid[])))
                """, ERASED_TEXT, erasure.allCasesArray());
        jdbc.update("""
                update legal_deadline set extension_reason = ?, version = version + 1
                where extension_reason is not null and case_id = any(cast(? as uuid[]))
                """, ERASED_TEXT, erasure.allCasesArray());
    }
}
