package nl.wijkroute.plan;

import java.util.Map;
import nl.wijkroute.privacy.retention.PersonalDataHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The free text of a closed case's plan: its versions, and the partners' work in it (decision 0043).
 * Called by retention in the erasure's transaction (SPI {@link PersonalDataHolder}, decision 0052).
 */
@Component
class PlanPersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;

    PlanPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void eraseCaseFiles(Erasure erasure) {
        var versions = jdbc.queryForList("""
                select v.plan_id, v.number, v.content::text as content from plan_version v join plan p on p.id = v.plan_id
                where p.case_id = any(cast(? as uuid[]))
                """, erasure.closedCasesArray());
        for (Map<String, Object> version : versions) {
            jdbc.update("update plan_version set content = cast(? as jsonb), change_note = null where plan_id = ? and number = ?",
                    PersonalDataHolder.scrubJson((String) version.get("content")), version.get("plan_id"), version.get("number"));
        }
        // Partners' notes, stop and decline reasons and proposals are free text.
        String closedPlans = "select id from plan where case_id = any(cast(? as uuid[]))";
        jdbc.update("update plan_action_event set text = null where text is not null and plan_id in (" + closedPlans + ")",
                erasure.closedCasesArray());
        jdbc.update("update plan_action_state set stop_reason = null, version = version + 1 where stop_reason is not null"
                + " and plan_id in (" + closedPlans + ")", erasure.closedCasesArray());
        jdbc.update("""
                update plan_change_proposal set goal_description = case when goal_description is null then null else ? end,
                       goal_result = case when goal_result is null then null else ? end,
                       action_description = case when action_description is null then null else ? end,
                       action_professional = null, motivation = null, decline_reason = null, version = version + 1
                where case_id = any(cast(? as uuid[]))
                """, ERASED_TEXT, ERASED_TEXT, ERASED_TEXT, erasure.closedCasesArray());
    }
}
