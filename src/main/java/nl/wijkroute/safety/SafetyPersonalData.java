package nl.wijkroute.safety;

import java.util.Map;
import nl.wijkroute.privacy.retention.PersonalDataHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The safety checks' explanations, the meldcode record and the veiligheidsplan of a closed case (decision 0047).
 * Called by retention in the erasure's transaction (SPI {@link PersonalDataHolder}, decision 0052).
 */
@Component
class SafetyPersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;

    SafetyPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void eraseCaseFiles(Erasure erasure) {
        // How the team knew someone was (not) safe names people and places; the yes/no stays for the history.
        jdbc.update("update safety_check_answer set how_we_know = ? where safety_check_id in (select id from safety_check"
                + " where case_id = any(cast(? as uuid[])))", ERASED_TEXT, erasure.closedCasesArray());
        // What was seen, said and weighed goes; the steps, dates, the afweging's answers and the decision stay, so the
        // dashboard's "days to the meldcode decision" keeps counting. done_by is free text and at CONSULTATIE often
        // names a third party (a huisarts, a colleague): it goes too.
        jdbc.update("""
                update meldcode_entry set summary = ?, decision_reason = case when decision_reason is null then null else ? end,
                                          done_by = ?
                where case_id = any(cast(? as uuid[]))
                """, ERASED_TEXT, ERASED_TEXT, ERASED_TEXT, erasure.closedCasesArray());
        // What must stay true for whom goes; parties that agreed are named people: emptied.
        var versions = jdbc.queryForList("""
                select v.plan_id, v.number, v.content::text as content from veiligheidsplan_version v
                join veiligheidsplan p on p.id = v.plan_id where p.case_id = any(cast(? as uuid[]))
                """, erasure.closedCasesArray());
        for (Map<String, Object> version : versions) {
            jdbc.update("update veiligheidsplan_version set content = cast(? as jsonb), change_note = null"
                    + " where plan_id = ? and number = ?", PersonalDataHolder.scrubJson((String) version.get("content")),
                    version.get("plan_id"), version.get("number"));
        }
    }
}
