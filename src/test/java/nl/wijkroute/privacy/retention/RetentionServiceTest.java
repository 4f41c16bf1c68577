package nl.wijkroute.privacy.retention;

import static nl.wijkroute.privacy.retention.HouseholdFixture.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.wijkroute.partner.OrganisationService;
import nl.wijkroute.partner.OrganisationType;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.Bsns;
import nl.wijkroute.support.TestUsers;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The nightly erasure on dated fixtures. Fixture support ended long ago, and each run is given the day
 * it runs on, so the terms are tested to the day without moving the application's clock (households of
 * other tests, which ended support recently, are never due on these days).
 */
class RetentionServiceTest extends ApiTestSupport {

    @Autowired
    RetentionService retention;

    @Autowired
    OrganisationService organisations;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    PlatformTransactionManager transactionManager;

    @BeforeEach
    void partners() {
        organisations.ensure(HouseholdFixture.GGZ, "GGZ Retentie", OrganisationType.GGZ);
        organisations.ensure(HouseholdFixture.JEUGDHULP, "Jeugdhulp Retentie", OrganisationType.JEUGDHULP);
    }

    @Test
    void aHouseholdIsErasedTheDayAfterItsTermAndNotBefore() {
        HouseholdFixture endedEarlier = HouseholdFixture.closedOn(jdbc, LocalDate.of(2004, 3, 10), null, null);
        HouseholdFixture endedADayLater = HouseholdFixture.closedOn(jdbc, LocalDate.of(2004, 3, 11), null, null);
        Map<String, Integer> counted = endedEarlier.countedRows();

        retention.runAsOf(LocalDate.of(2014, 3, 10)); // ten years to the day: still within the term
        assertNotErased(endedEarlier);
        assertNotErased(endedADayLater);

        RetentionService.Report report = retention.runAsOf(LocalDate.of(2014, 3, 11));
        assertThat(report.householdsErased()).isGreaterThanOrEqualTo(1);
        assertFullyErased(endedEarlier);
        assertNotErased(endedADayLater);
        assertThat(endedEarlier.countedRows()).isEqualTo(counted);

        retention.runAsOf(LocalDate.of(2014, 3, 12));
        assertFullyErased(endedADayLater);
    }

    @Test
    void erasureKeepsTheCountsAndStructureButNoPersonalData() throws Exception {
        HouseholdFixture household = HouseholdFixture.closedOn(jdbc, LocalDate.of(2003, 9, 1), null, null);
        Map<String, Integer> counted = household.countedRows();
        List<Map<String, Object>> stepsBefore = jdbc.queryForList(
                "select id, from_stage, to_stage, actor, moved_at from step_history where case_id = ? order by id", household.caseId);

        retention.runAsOf(LocalDate.of(2013, 9, 3));

        assertFullyErased(household);
        assertThat(household.countedRows()).isEqualTo(counted);
        assertThat(jdbc.queryForList("select id, from_stage, to_stage, actor, moved_at from step_history where case_id = ? order by id",
                household.caseId)).isEqualTo(stepsBefore);
        assertThat(jdbc.queryForObject("select count(*) from step_history where case_id = ? and reason is not null", Integer.class,
                household.caseId)).isZero();

        Map<String, Object> member = jdbc.queryForMap(
                "select given_name, family_name, birth_date, bsn from household_member where id = ?", household.memberId);
        assertThat(member.get("given_name")).isEqualTo(PersonalDataEraser.ERASED_MEMBER_NAME);
        assertThat(member.get("family_name")).isEqualTo(PersonalDataEraser.ERASED_MEMBER_NAME);
        assertThat(member.get("birth_date").toString()).isEqualTo("1984-01-01");
        assertThat(member.get("bsn")).isNull();
        Map<String, Object> row = jdbc.queryForMap("select display_name, postcode, wijk_id from household where id = ?",
                household.householdId);
        assertThat(row).containsEntry("display_name", PersonalDataEraser.ERASED_HOUSEHOLD_NAME).containsEntry("wijk_id", "noord");
        assertThat(row.get("postcode")).isNull();

        // The plan keeps what can be counted: its goals per leefgebied, actions, owners, statuses and the agreement's form.
        JsonNode plan = json.readTree(jdbc.queryForObject("""
                select v.content::text from plan_version v join plan p on p.id = v.plan_id where p.case_id = ? and v.number = 2
                """, String.class, household.caseId));
        JsonNode goal = plan.get("goals").get(0);
        assertThat(goal.get("leefgebied").asText()).isEqualTo("FINANCIEN");
        assertThat(goal.get("memberId").asText()).isEqualTo(household.memberId.toString());
        assertThat(goal.get("description").asText()).isEqualTo(PersonalDataEraser.ERASED_TEXT);
        assertThat(goal.get("actions").get(0).get("status").asText()).isEqualTo("DONE");
        assertThat(goal.get("actions").get(0).get("organisationId").asText()).isEqualTo(HouseholdFixture.GGZ);
        assertThat(plan.get("agreement").get("form").asText()).isEqualTo("IN_GESPREK");
        assertThat(plan.get("agreement").get("agreedBy").asText()).isEqualTo(PersonalDataEraser.ERASED_TEXT);
        JsonNode doorbraak = json.readTree(jdbc.queryForObject("select doorbraak::text from escalation where case_id = ?",
                String.class, household.caseId));
        assertThat(doorbraak.get("participants")).isEmpty();
        assertThat(doorbraak.get("payer").asText()).isEqualTo("gemeente");
        // System-made stagnation texts name no one and are kept.
        assertThat(jdbc.queryForObject("select description from stagnation_signal where case_id = ?", String.class, household.caseId))
                .isEqualTo("Casus staat te lang in stap REGIE.");
        assertThat(jdbc.queryForObject("select count(*) from idempotency_record where response_body like ?", Integer.class,
                "%" + household.householdId + "%")).isZero();
    }

    @Test
    void theTeamsReasonForShowingASafetyCaseToTheHouseholdIsErasedWithTheCaseFile() {
        HouseholdFixture household = HouseholdFixture.closedOn(jdbc, LocalDate.of(2000, 5, 1), null, null);
        jdbc.update("insert into resident_view_disclosure (case_id, safe_to_show, reason, decided_by, decided_at) "
                + "values (?, true, ?, 'wijkcoach', now())", household.caseId, "Besproken met " + HouseholdFixture.SECRET);

        retention.runAsOf(LocalDate.of(2010, 5, 3));

        assertThat(jdbc.queryForList("select reason from resident_view_disclosure where case_id = ?", String.class,
                household.caseId)).containsExactly(PersonalDataEraser.ERASED_TEXT);
        assertThat(jdbc.queryForObject("select count(*) from resident_view_disclosure where case_id = ? and safe_to_show "
                + "and decided_by = 'wijkcoach'", Integer.class, household.caseId)).as("who decided what stays").isEqualTo(1);
        assertThatThrownBy(() -> jdbc.update("delete from resident_view_disclosure where case_id = ?", household.caseId))
                .as("append-only").isInstanceOf(org.springframework.dao.DataAccessException.class);
    }

    /** The privacy officer's review note can describe the situation as much as the grant's reason can. */
    @Test
    void aBreakGlassGrantsReasonAndReviewNoteAreErasedWithTheCaseFile() {
        HouseholdFixture household = HouseholdFixture.closedOn(jdbc, LocalDate.of(2000, 5, 1), null, null);
        jdbc.update("""
                insert into break_glass_access (id, case_id, username, user_role, reason, granted_at, expires_at,
                                                reviewed_by, reviewed_at, review_verdict, review_note)
                values (?, ?, 'wijkcoach', 'WIJKCOACH', ?, now(), now(), 'fg', now(), 'JUSTIFIED', ?)
                """, java.util.UUID.randomUUID(), household.caseId, "Crisis bij " + HouseholdFixture.SECRET,
                "Terecht: " + HouseholdFixture.SECRET + " was in gevaar");

        retention.runAsOf(LocalDate.of(2010, 5, 3));

        assertThat(jdbc.queryForList("select reason || '|' || review_note from break_glass_access where case_id = ?",
                String.class, household.caseId))
                .containsExactly(PersonalDataEraser.ERASED_TEXT + "|" + PersonalDataEraser.ERASED_TEXT);
        assertThat(jdbc.queryForObject("select count(*) from break_glass_access where case_id = ? and username = 'wijkcoach' "
                + "and review_verdict = 'JUSTIFIED'", Integer.class, household.caseId)).as("the review trail stays").isEqualTo(1);
    }

    @Test
    void toegangDecisionsAndTheIdentityTheyNeedOutliveTheCaseFile() {
        HouseholdFixture household = HouseholdFixture.closedOn(jdbc, LocalDate.of(2005, 6, 1), "WMO", null);

        RetentionService.Report report = retention.runAsOf(LocalDate.of(2015, 6, 2));

        assertThat(report.caseFilesErased()).isGreaterThanOrEqualTo(1);
        Map<String, String> rows = household.rowsAsText();
        for (String table : List.of("signal", "triage_assessment", "leefgebied_assessment", "real_question", "plan_version",
                "plan_action_state", "plan_action_event", "plan_change_proposal", "regie_assignment", "handover", "escalation", "doorbraak_action", "step_history", "support_case",
                "safety_check_answer", "meldcode_entry", "veiligheidsplan_version", "toeleiding_trace")) {
            assertThat(rows.get(table)).as(table).doesNotContain(SECRET);
        }
        assertThat(jdbc.queryForList("select done_by from meldcode_entry where case_id = ?", String.class, household.caseId))
                .containsOnly(PersonalDataEraser.ERASED_TEXT);
        assertThat(jdbc.queryForList("select connected_to from toeleiding_trace where case_id = ? order by recorded_at",
                String.class, household.caseId)).as("the register's organisation stays, for the dashboard and toegang")
                .containsExactly(PersonalDataEraser.ERASED_TEXT, "GGZ Retentie");
        assertThat(rows.get("toegang_request")).contains(SECRET);
        assertThat(rows.get("deadline_suspension")).contains(SECRET);
        assertThat(rows.get("household_member")).contains(SECRET, household.bsn);
        assertThat(erasedAt(household, "case_file_erased_at")).isNotNull();
        assertThat(erasedAt(household, "personal_data_erased_at")).isNull();

        retention.runAsOf(LocalDate.of(2020, 6, 1)); // fifteen years to the day
        assertThat(erasedAt(household, "personal_data_erased_at")).isNull();

        retention.runAsOf(LocalDate.of(2020, 6, 2));
        assertFullyErased(household);
        assertThat(jdbc.queryForObject("select count(*) from toegang_request where case_id = ? and law = 'WMO' and outcome = 'GRANTED'",
                Integer.class, household.caseId)).isEqualTo(1);
    }

    @Test
    void jeugdwetSupportKeepsTheWholeFileTwentyYears() {
        HouseholdFixture viaToegang = HouseholdFixture.closedOn(jdbc, LocalDate.of(2002, 1, 15), "JEUGDWET", null);
        HouseholdFixture viaHandover = HouseholdFixture.closedOn(jdbc, LocalDate.of(2002, 1, 15), null, HouseholdFixture.JEUGDHULP);

        retention.runAsOf(LocalDate.of(2017, 1, 16));
        for (HouseholdFixture household : List.of(viaToegang, viaHandover)) {
            assertNotErased(household);
            assertThat(household.rowsAsText().get("signal")).contains(SECRET);
        }

        retention.runAsOf(LocalDate.of(2022, 1, 15));
        assertNotErased(viaToegang);
        assertNotErased(viaHandover);

        retention.runAsOf(LocalDate.of(2022, 1, 16));
        assertFullyErased(viaToegang);
        assertFullyErased(viaHandover);
    }

    @Test
    void aJeugdhulpActionInThePlanAloneKeepsTheWholeFileTwentyYears() {
        HouseholdFixture viaPlan = HouseholdFixture.closedOn(jdbc, LocalDate.of(2002, 1, 15), null, HouseholdFixture.JEUGDHULP);
        // Only the plan's action names the jeugdhulp organisation: the warme overdracht went to the GGZ.
        jdbc.update("update handover set receiver_organisation = ? where case_id = ?", HouseholdFixture.GGZ, viaPlan.caseId);

        retention.runAsOf(LocalDate.of(2017, 1, 16));
        assertNotErased(viaPlan);

        retention.runAsOf(LocalDate.of(2022, 1, 16));
        assertFullyErased(viaPlan);
    }

    @Test
    void aHouseholdWithSupportInProgressIsNotErased() {
        HouseholdFixture household = HouseholdFixture.closedOn(jdbc, LocalDate.of(2001, 2, 1), null, null);
        UUID open = household.openCaseNow();

        retention.runAsOf(LocalDate.of(2024, 1, 1));

        assertNotErased(household);
        assertThat(household.rowsAsText().get("signal")).contains(SECRET);
        assertThat(jdbc.queryForObject("select count(*) from signal where case_id = ? and description like ?", Integer.class,
                open, "%" + SECRET + "%")).isEqualTo(1);
    }

    @Test
    void historyStaysImmutableOutsideAnErasure() {
        HouseholdFixture household = HouseholdFixture.closedOn(jdbc, LocalDate.of(2001, 4, 1), null, null);
        retention.runAsOf(LocalDate.of(2011, 4, 3));
        assertFullyErased(household);
        String plan = "(select id from plan where case_id = '" + household.caseId + "')";

        assertThatThrownBy(() -> jdbc.update("update plan_version set change_note = null where plan_id in " + plan))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.update("update step_history set reason = null where case_id = ?", household.caseId))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        // Even while erasing: only free text may go, never the row or who, what and when.
        assertThatThrownBy(() -> whileErasing("delete from plan_version where plan_id in " + plan))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("immutable");
        assertThatThrownBy(() -> whileErasing("update plan_version set changed_by = 'iemand' where plan_id in " + plan))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("immutable");
        assertThatThrownBy(() -> whileErasing("delete from step_history where case_id = '" + household.caseId + "'"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> whileErasing("update step_history set moved_at = now() where case_id = '" + household.caseId + "'"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> whileErasing("truncate plan_version cascade"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("immutable");
        assertThatThrownBy(() -> whileErasing("truncate step_history cascade"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(household.countedRows().get("plan_version")).isEqualTo(2);
    }

    @Test
    void aHouseholdRegisteredThroughTheApiReadsAsErasedAfterwards() throws Exception {
        String bsn = Bsns.random();
        Map<String, Object> signal = signal(newHousehold("noord", member("Zoë", SECRET, "1990-10-10", bsn)));
        signal.put("description", "Huurachterstand bij " + SECRET);
        JsonNode registered = read(postSignal(signal, TestUsers.frontoffice(), UUID.randomUUID().toString()));
        UUID caseId = UUID.fromString(registered.get("caseId").asText());
        UUID householdId = UUID.fromString(registered.get("householdId").asText());
        agreedPlan(caseId);
        // Support ended long ago: the route instance is gone, the case closed on a chosen day.
        runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseId.toString()).list()
                .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "retention test fixture"));
        jdbc.update("update support_case set status = 'CLOSED', current_stage = 'AFGESLOTEN', closed_at = ? where id = ?",
                Timestamp.from(LocalDate.of(2000, 5, 5).atStartOfDay(ZoneId.of("Europe/Amsterdam")).toInstant()), caseId);
        jdbc.update("update plan set status = 'CLOSED' where case_id = ?", caseId);

        retention.runAsOf(LocalDate.of(2010, 5, 6));

        JsonNode file = getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach());
        assertThat(file.toString()).doesNotContain(SECRET).doesNotContain(bsn).doesNotContain("4901 AB");
        assertThat(file.get("household").get("displayName").asText()).isEqualTo(PersonalDataEraser.ERASED_HOUSEHOLD_NAME);
        assertThat(file.get("household").get("members").get(0).get("birthDate").asText()).isEqualTo("1990-01-01");
        assertThat(file.get("household").get("members").get(0).get("bsnKnown").asBoolean()).isFalse();
        JsonNode plan = getJson("/api/v1/cases/" + caseId + "/plan", TestUsers.wijkcoach());
        assertThat(plan.toString()).doesNotContain("Anna de Vries").doesNotContain("Grip op geld");
        assertThat(plan.get("goals").get(0).get("leefgebied").asText()).isEqualTo("FINANCIEN");
        assertThat(jdbc.queryForObject("select count(*) from idempotency_record where response_body like ?", Integer.class,
                "%" + householdId + "%")).isZero();
    }

    @Test
    void theEngineKeepsOnlyIdsGroupsAndOutcomesOfACase() throws Exception {
        Map<String, Object> signal = signal(newHousehold("noord", member("Zoë", SECRET, "1990-10-10", Bsns.random())));
        signal.put("description", "Huurachterstand bij " + SECRET);
        UUID caseId = UUID.fromString(read(postSignal(signal, TestUsers.frontoffice(), UUID.randomUUID().toString()))
                .get("caseId").asText());
        step(caseId, "triage", TestUsers.wijkcoach(), triage("FULL_ROUTE", "MULTIPLE", false, "Gesprek met " + SECRET));

        String instances = "select id_ from act_hi_procinst where business_key_ = '" + caseId + "'";
        assertThat(jdbc.queryForList("select distinct name_ from act_hi_varinst where proc_inst_id_ in (" + instances + ")",
                String.class)).isSubsetOf(Set.of("caseId", "candidateGroup", "nazorgPeriod", "triageRoute"));
        assertThat(jdbc.queryForObject("select count(*) from act_hi_detail where proc_inst_id_ in (" + instances
                + ") and (text_ like ? or text2_ like ?)", Integer.class, "%" + SECRET + "%", "%" + SECRET + "%")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from act_hi_varinst where text_ like ?", Integer.class, "%" + SECRET + "%"))
                .isZero();
    }

    private void whileErasing(String sql) {
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        transaction.executeWithoutResult(status -> {
            status.setRollbackOnly();
            jdbc.queryForObject("select set_config('wijkroute.erasure', 'on', true)", String.class);
            jdbc.execute(sql);
        });
    }

    private void assertFullyErased(HouseholdFixture household) {
        assertThat(erasedAt(household, "personal_data_erased_at")).isNotNull();
        household.rowsAsText().forEach((table, text) -> assertThat(text).as(table).doesNotContain(SECRET)
                .doesNotContain(household.bsn).doesNotContain("4901 AB").doesNotContain("1984-07-23"));
    }

    private void assertNotErased(HouseholdFixture household) {
        assertThat(erasedAt(household, "case_file_erased_at")).isNull();
        assertThat(erasedAt(household, "personal_data_erased_at")).isNull();
        assertThat(household.rowsAsText().get("household_member")).contains(SECRET, household.bsn);
    }

    private Timestamp erasedAt(HouseholdFixture household, String column) {
        return jdbc.queryForObject("select " + column + " from household where id = ?", Timestamp.class, household.householdId);
    }
}
