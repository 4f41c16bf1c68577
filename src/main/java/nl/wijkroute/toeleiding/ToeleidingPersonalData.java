package nl.wijkroute.toeleiding;

import nl.wijkroute.privacy.retention.PersonalDataHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a closed case's toeleiding connected to, when it is free text.
 * Called by retention in the erasure's transaction (SPI {@link PersonalDataHolder}, decision 0052).
 */
@Component
class ToeleidingPersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;

    ToeleidingPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void eraseCaseFiles(Erasure erasure) {
        // A voorziening is free text (it may name a person, a buurtmaatje); an organisation of the register is not
        // personal data and stays for toegang and the dashboard (decision 0046).
        jdbc.update("""
                update toeleiding_trace set connected_to = ?
                where connection_kind = 'VOORZIENING' and case_id = any(cast(? as uuid[]))
                """, ERASED_TEXT, erasure.closedCasesArray());
    }
}
