package nl.wijkroute.privacy.breakglass;

import nl.wijkroute.privacy.retention.PersonalDataHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The reasons of the break-the-glass grants on a closed case and the privacy officer's review notes on them.
 * Called by retention in the erasure's transaction (SPI {@link PersonalDataHolder}, decision 0052).
 */
@Component
class BreakGlassPersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;

    BreakGlassPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void eraseCaseFiles(Erasure erasure) {
        // The reason tells the story of the urgent moment, and the review note may retell it; the grant, who
        // reviewed it and the verdict stay for the review trail. A grant not reviewed keeps its note empty.
        jdbc.update("""
                update break_glass_access set reason = ?, review_note = case when review_note is not null then ? end,
                       version = version + 1
                where case_id = any(cast(? as uuid[]))
                """, ERASED_TEXT, ERASED_TEXT, erasure.closedCasesArray());
    }
}
