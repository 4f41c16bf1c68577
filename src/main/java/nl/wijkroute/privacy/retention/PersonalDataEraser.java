package nl.wijkroute.privacy.retention;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pseudonymises one household in the caller's transaction. Rows are kept and keep their ids, stages,
 * times, scores, leefgebieden, laws and outcomes, so every count the dashboard makes stays the same;
 * names, numbers and free text go. The per-table list is in docs/decisions/0019-retention-and-erasure.md.
 * Plain SQL on purpose: the capabilities' entities refuse changes to what they consider history.
 */
@Component
class PersonalDataEraser {

    static final String ERASED_TEXT = "[verwijderd]";
    static final String ERASED_MEMBER_NAME = "Geanonimiseerd";
    static final String ERASED_HOUSEHOLD_NAME = "Geanonimiseerd huishouden";

    /** Keys in plan, veiligheidsplan and doorbraak JSON whose text describes people or their situation. */
    private static final Set<String> FREE_TEXT_KEYS = Set.of("description", "result", "agreedBy", "decision", "note",
            // veiligheidsplan: the veiligheidsvoorwaarden and who checks them (often someone of the network)
            "condition", "howChecked", "checkedBy");
    /** Keys in JSON that list people by name (a veiligheidsplan's agreedBy is a list of named parties). */
    private static final Set<String> NAME_LIST_KEYS = Set.of("participants", "agreedBy");
    private static final String EMPTY_HANDOVER_SUMMARY = "{\"assessments\": [], \"goals\": []}";
    private static final String CLOSED_CASES = "select id from support_case where household_id = ? and status = 'CLOSED'";

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    PersonalDataEraser(JdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    /** Where a household stands, read under a row lock. */
    record HouseholdState(boolean supportRunning, Instant caseFileErasedAt, Instant personalDataErasedAt) {

        boolean fullyErased() {
            return personalDataErasedAt != null;
        }
    }

    /**
     * Locks the household for the rest of the transaction. FOR UPDATE also conflicts with the key-share
     * lock a new case's foreign key takes, so no signal can open a case while it is being erased.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<HouseholdState> lock(UUID householdId) {
        var rows = jdbc.queryForList("select case_file_erased_at, personal_data_erased_at from household where id = ? for update",
                householdId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        boolean running = Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from support_case where household_id = ? and status in ('OPEN', 'NAZORG'))",
                Boolean.class, householdId));
        return Optional.of(new HouseholdState(running, instant(rows.get(0).get("case_file_erased_at")),
                instant(rows.get(0).get("personal_data_erased_at"))));
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant()
                : value instanceof java.time.OffsetDateTime offset ? offset.toInstant() : null;
    }

    /**
     * The case files of the household's closed cases: everything but the toegang decisions and the
     * household's identity. A case still open or in nazorg is left alone (support in progress).
     *
     * @param markHousehold whether all of the household's case files are now erased (no case running)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void eraseClosedCaseFiles(UUID householdId, Instant now, boolean markHousehold) {
        allowHistoryRewrite(true);
        // The source is typed in by hand and may name a person (a GP, a neighbour); counts use source_type.
        jdbc.update("update signal set description = ?, source_organisation = null where case_id in (" + CLOSED_CASES + ")",
                ERASED_TEXT, householdId);
        jdbc.update("update triage_assessment set summary = ? where case_id in (" + CLOSED_CASES + ")", ERASED_TEXT, householdId);
        jdbc.update("""
                update leefgebied_assessment set own_words = null, strengths = null, network = null,
                                                 reason = case when reason is null then null else ? end, version = version + 1
                where case_id in (%s)
                  and (own_words is not null or strengths is not null or network is not null or reason is not null)
                """.formatted(CLOSED_CASES), ERASED_TEXT, householdId);
        jdbc.update("update real_question set question = ? where case_id in (" + CLOSED_CASES + ")", ERASED_TEXT, householdId);
        // How the team knew someone was (not) safe names people and places; the yes/no stays for the history.
        jdbc.update("update safety_check_answer set how_we_know = ? where safety_check_id in (select id from safety_check"
                + " where case_id in (" + CLOSED_CASES + "))", ERASED_TEXT, householdId);
        eraseSafetyRecords(householdId);
        erasePlanVersions(householdId);
        // Partners' work in the plan (decision 0043): notes, stop and decline reasons and proposals are free text.
        String closedPlans = "select id from plan where case_id in (" + CLOSED_CASES + ")";
        jdbc.update("update plan_action_event set text = null where text is not null and plan_id in (" + closedPlans + ")",
                householdId);
        jdbc.update("update plan_action_state set stop_reason = null, version = version + 1 where stop_reason is not null"
                + " and plan_id in (" + closedPlans + ")", householdId);
        jdbc.update("""
                update plan_change_proposal set goal_description = case when goal_description is null then null else ? end,
                       goal_result = case when goal_result is null then null else ? end,
                       action_description = case when action_description is null then null else ? end,
                       action_professional = null, motivation = null, decline_reason = null, version = version + 1
                where case_id in (%s)
                """.formatted(CLOSED_CASES), ERASED_TEXT, ERASED_TEXT, ERASED_TEXT, householdId);
        jdbc.update("""
                update handover set summary = cast(? as jsonb), consent = consent - 'givenBy', decline_reason = null,
                                    version = version + 1
                where case_id in (%s)
                """.formatted(CLOSED_CASES), EMPTY_HANDOVER_SUMMARY, householdId);
        jdbc.update("update regie_assignment set reason = null, version = version + 1 where reason is not null and case_id in ("
                + CLOSED_CASES + ")", householdId);
        eraseEscalations(householdId);
        jdbc.update("update step_history set reason = null where reason is not null and case_id in (" + CLOSED_CASES + ")",
                householdId);
        // A break-the-glass reason tells the story of the urgent moment; the grant itself stays for the review trail.
        jdbc.update("update break_glass_access set reason = ?, version = version + 1 where case_id in (" + CLOSED_CASES + ")",
                ERASED_TEXT, householdId);
        jdbc.update("update support_case set closure_reason = null, version = version + 1 where closure_reason is not null and id in ("
                + CLOSED_CASES + ")", householdId);
        // Why the team let the household see a safety case's step (decision 0049) may tell that story too.
        jdbc.update("update resident_view_disclosure set reason = ? where case_id in (" + CLOSED_CASES + ")",
                ERASED_TEXT, householdId);
        // The stored answers hold only ids, but the request hash is derived from names and free text.
        jdbc.update("""
                delete from idempotency_record r
                where exists (select 1 from support_case c where c.household_id = ? and c.status = 'CLOSED'
                              and position(c.id::text in r.response_body) > 0)
                """, householdId);
        if (markHousehold) {
            jdbc.update("update household set case_file_erased_at = coalesce(case_file_erased_at, ?), version = version + 1 where id = ?",
                    Timestamp.from(now), householdId);
        }
        allowHistoryRewrite(false);
    }

    /**
     * Everything: the case files, the toegang decisions' reasons and the household's identity. Only for
     * a household without a case in progress (the caller checks, under {@link #lock}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void eraseAll(UUID householdId, Instant now) {
        eraseClosedCaseFiles(householdId, now, true);
        jdbc.update("""
                update toegang_request set decision_reason = null, version = version + 1
                where decision_reason is not null and case_id in (select id from support_case where household_id = ?)
                """, householdId);
        jdbc.update("""
                update deadline_suspension set reason = ?
                where deadline_id in (select d.id from legal_deadline d join support_case c on c.id = d.case_id
                                      where c.household_id = ?)
                """, ERASED_TEXT, householdId);
        jdbc.update("""
                update legal_deadline set extension_reason = ?, version = version + 1
                where extension_reason is not null and case_id in (select id from support_case where household_id = ?)
                """, ERASED_TEXT, householdId);
        jdbc.update("""
                update toegang_bezwaar set outcome_reason = null, version = version + 1
                where outcome_reason is not null and case_id in (select id from support_case where household_id = ?)
                """, householdId);
        // 1 January of the birth year: ages stay countable in years, the person is no longer findable.
        jdbc.update("""
                update household_member set given_name = ?, family_name = ?, bsn = null,
                                            birth_date = make_date(extract(year from birth_date)::int, 1, 1)
                where household_id = ?
                """, ERASED_MEMBER_NAME, ERASED_MEMBER_NAME, householdId);
        jdbc.update("delete from idempotency_record where position(? in response_body) > 0", householdId.toString());
        jdbc.update("""
                update household set display_name = ?, postcode = null, personal_data_erased_at = ?, version = version + 1
                where id = ?
                """, ERASED_HOUSEHOLD_NAME, Timestamp.from(now), householdId);
    }

    /**
     * The meldcode record and the veiligheidsplan (decision 0047): what was seen, said and weighed, and what must
     * stay true for whom, go; the steps, dates, the afweging's yes/no answers and the decision stay, so the
     * dashboard's "days to the meldcode decision" keeps counting. Parties that agreed are named people: emptied.
     */
    private void eraseSafetyRecords(UUID householdId) {
        // done_by is free text and at CONSULTATIE often names a third party (a huisarts, a colleague): it goes too.
        jdbc.update("""
                update meldcode_entry set summary = ?, decision_reason = case when decision_reason is null then null else ? end,
                                          done_by = ?
                where case_id in (%s)
                """.formatted(CLOSED_CASES), ERASED_TEXT, ERASED_TEXT, ERASED_TEXT, householdId);
        // What a toeleiding connected to: a voorziening is free text (it may name a person, a buurtmaatje); an
        // organisation of the register is not personal data and stays for toegang and the dashboard (decision 0046).
        jdbc.update("""
                update toeleiding_trace set connected_to = ?
                where connection_kind = 'VOORZIENING' and case_id in (%s)
                """.formatted(CLOSED_CASES), ERASED_TEXT, householdId);
        var versions = jdbc.queryForList("""
                select v.plan_id, v.number, v.content::text as content from veiligheidsplan_version v
                join veiligheidsplan p on p.id = v.plan_id where p.case_id in (%s)
                """.formatted(CLOSED_CASES), householdId);
        for (Map<String, Object> version : versions) {
            jdbc.update("update veiligheidsplan_version set content = cast(? as jsonb), change_note = null"
                    + " where plan_id = ? and number = ?", scrub((String) version.get("content")), version.get("plan_id"),
                    version.get("number"));
        }
    }

    private void erasePlanVersions(UUID householdId) {
        var versions = jdbc.queryForList("""
                select v.plan_id, v.number, v.content::text as content from plan_version v join plan p on p.id = v.plan_id
                where p.case_id in (%s)
                """.formatted(CLOSED_CASES), householdId);
        for (Map<String, Object> version : versions) {
            String scrubbed = scrub((String) version.get("content"));
            jdbc.update("update plan_version set content = cast(? as jsonb), change_note = null where plan_id = ? and number = ?",
                    scrubbed, version.get("plan_id"), version.get("number"));
        }
    }

    private void eraseEscalations(UUID householdId) {
        var escalations = jdbc.queryForList("select id, doorbraak::text as doorbraak from escalation where case_id in ("
                + CLOSED_CASES + ")", householdId);
        for (Map<String, Object> escalation : escalations) {
            String doorbraak = (String) escalation.get("doorbraak");
            jdbc.update("""
                    update escalation set description = ?, deescalation_note = null, doorbraak = cast(? as jsonb),
                                          version = version + 1
                    where id = ?
                    """, ERASED_TEXT, doorbraak == null ? null : scrub(doorbraak), escalation.get("id"));
            jdbc.update("update doorbraak_action set description = ? where escalation_id = ?", ERASED_TEXT, escalation.get("id"));
        }
    }

    /** The same document with its free text replaced and its name lists emptied; structure and ids stay. */
    String scrub(String json) {
        try {
            JsonNode tree = objectMapper.readTree(json);
            scrub(tree);
            return objectMapper.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON cannot be read", e);
        }
    }

    private static void scrub(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (FREE_TEXT_KEYS.contains(field.getKey()) && field.getValue().isTextual()) {
                    field.setValue(object.textNode(ERASED_TEXT));
                } else if (NAME_LIST_KEYS.contains(field.getKey()) && field.getValue().isArray()) {
                    field.setValue(object.arrayNode());
                } else {
                    scrub(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(PersonalDataEraser::scrub);
        }
    }

    private void allowHistoryRewrite(boolean on) {
        jdbc.queryForObject("select set_config('wijkroute.erasure', ?, true)", String.class, on ? "on" : "off");
    }
}
