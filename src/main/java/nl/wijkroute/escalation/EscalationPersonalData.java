package nl.wijkroute.escalation;

import java.util.Map;
import nl.wijkroute.privacy.retention.PersonalDataHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A closed case's escalations: what was stuck, the de-escalation note and the doorbraak's free text.
 * Called by retention in the erasure's transaction (SPI {@link PersonalDataHolder}, decision 0052).
 */
@Component
class EscalationPersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;

    EscalationPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void eraseCaseFiles(Erasure erasure) {
        var escalations = jdbc.queryForList("select id, doorbraak::text as doorbraak from escalation"
                + " where case_id = any(cast(? as uuid[]))", erasure.closedCasesArray());
        for (Map<String, Object> escalation : escalations) {
            String doorbraak = (String) escalation.get("doorbraak");
            jdbc.update("""
                    update escalation set description = ?, deescalation_note = null, doorbraak = cast(? as jsonb),
                                          version = version + 1
                    where id = ?
                    """, ERASED_TEXT, doorbraak == null ? null : PersonalDataHolder.scrubJson(doorbraak), escalation.get("id"));
            jdbc.update("update doorbraak_action set description = ? where escalation_id = ?", ERASED_TEXT, escalation.get("id"));
        }
    }
}
