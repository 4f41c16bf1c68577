package nl.wijkroute.privacy.breakglass;

import nl.wijkroute.privacy.retention.PersonalDataHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The reasons of the break-the-glass grants on a closed case.
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
        // The reason tells the story of the urgent moment; the grant itself stays for the review trail.
        jdbc.update("update break_glass_access set reason = ?, version = version + 1 where case_id = any(cast(? as uuid[]))",
                ERASED_TEXT, erasure.closedCasesArray());
    }
}
