package nl.wijkroute.assessment;

import nl.wijkroute.privacy.retention.PersonalDataHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The vraagverheldering's own words, strengths, network and reasons, and the real question, of a closed case.
 * Called by retention in the erasure's transaction (SPI {@link PersonalDataHolder}, decision 0052).
 */
@Component
class AssessmentPersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;

    AssessmentPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void eraseCaseFiles(Erasure erasure) {
        jdbc.update("""
                update leefgebied_assessment set own_words = null, strengths = null, network = null,
                                                 reason = case when reason is null then null else ? end, version = version + 1
                where case_id = any(cast(? as uuid[]))
                  and (own_words is not null or strengths is not null or network is not null or reason is not null)
                """, ERASED_TEXT, erasure.closedCasesArray());
        jdbc.update("update real_question set question = ? where case_id = any(cast(? as uuid[]))", ERASED_TEXT,
                erasure.closedCasesArray());
    }
}
