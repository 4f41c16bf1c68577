package nl.wijkroute.privacy.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.support.Bsns;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A household with a closed case whose every personal-data column is filled, written straight into the
 * tables with a chosen end of support: walking a case through the route takes months of clock time.
 * Every free text carries {@link #SECRET}, so "is it gone" is one search per table.
 */
final class HouseholdFixture {

    static final String SECRET = "Zwaantjes";
    static final String JEUGDHULP = "jeugdhulp-retentie";
    static final String GGZ = "ggz-retentie";
    static final LocalDate BIRTH_DATE = LocalDate.of(1984, 7, 23);
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    final UUID householdId = UUID.randomUUID();
    final UUID memberId = UUID.randomUUID();
    final UUID caseId = UUID.randomUUID();
    final String bsn = Bsns.random();
    final List<UUID> caseIds = new ArrayList<>();

    private final JdbcTemplate jdbc;

    private HouseholdFixture(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A household whose only case ended (went into nazorg) at noon on {@code supportEnded} and was closed after it. */
    static HouseholdFixture closedOn(JdbcTemplate jdbc, LocalDate supportEnded, String toegangLaw, String handoverTo) {
        HouseholdFixture fixture = new HouseholdFixture(jdbc);
        fixture.insertHousehold();
        fixture.insertCase(fixture.caseId, supportEnded.atTime(12, 0).atZone(ZONE).toInstant(), true, toegangLaw, handoverTo);
        return fixture;
    }

    /** A second case for the same household, open now (support in progress). */
    UUID openCaseNow() {
        UUID open = UUID.randomUUID();
        insertCase(open, null, false, null, null);
        return open;
    }

    private void insertHousehold() {
        jdbc.update("insert into household (id, display_name, wijk_id, postcode, created_at) values (?, ?, 'noord', '4901 AB', now())",
                householdId, "Huishouden " + SECRET);
        jdbc.update("""
                insert into household_member (id, household_id, given_name, family_name, birth_date, bsn)
                values (?, ?, 'Zoë', ?, ?, ?)
                """, memberId, householdId, SECRET, BIRTH_DATE, bsn);
        jdbc.update("""
                insert into household_member (id, household_id, given_name, family_name, birth_date)
                values (?, ?, 'Bram', ?, date '2012-05-17')
                """, UUID.randomUUID(), householdId, SECRET);
    }

    private void insertCase(UUID id, Instant supportEnded, boolean closed, String toegangLaw, String handoverTo) {
        caseIds.add(id);
        Instant opened = supportEnded == null ? Instant.now().minus(10, ChronoUnit.DAYS) : supportEnded.minus(200, ChronoUnit.DAYS);
        jdbc.update("""
                insert into support_case (id, household_id, team_id, status, current_stage, stage_entered_at, opened_at)
                values (?, ?, 'team-noord', 'OPEN', 'SIGNALEREN', ?, ?)
                """, id, householdId, ts(opened), ts(opened));
        move(id, null, "SIGNALEREN", opened, null);
        move(id, "SIGNALEREN", "TRIAGE", opened.plus(1, ChronoUnit.HOURS), null);
        move(id, "TRIAGE", "VRAAGVERHELDERING", opened.plus(2, ChronoUnit.DAYS), null);
        move(id, "VRAAGVERHELDERING", "TRIAGE", opened.plus(5, ChronoUnit.DAYS), "Zoë " + SECRET + " wil eerst de schulden regelen");
        move(id, "TRIAGE", "VRAAGVERHELDERING", opened.plus(6, ChronoUnit.DAYS), null);
        move(id, "VRAAGVERHELDERING", "PLAN", opened.plus(20, ChronoUnit.DAYS), null);

        jdbc.update("""
                insert into signal (id, case_id, household_id, source_type, source_organisation, description, urgency,
                                    safety_concern, received_at, registered_by)
                values (?, ?, ?, 'PARTNER', ?, ?, 'NORMAL', false, ?, 'frontoffice')
                """, UUID.randomUUID(), id, householdId, "Huisarts van " + SECRET,
                "Mevrouw " + SECRET + " heeft een huurachterstand van 3 maanden", ts(opened));
        UUID triage = UUID.randomUUID();
        jdbc.update("""
                insert into triage_assessment (id, case_id, urgency, safety_concern, problem_scope, route, summary, assessed_by, assessed_at)
                values (?, ?, 'NORMAL', false, 'MULTIPLE', 'FULL_ROUTE', ?, 'wijkcoach', ?)
                """, triage, id, "Gezin " + SECRET + ": schulden en spanningen thuis", ts(opened.plus(1, ChronoUnit.HOURS)));
        jdbc.update("insert into triage_leefgebied (triage_id, leefgebied) values (?, 'FINANCIEN')", triage);
        jdbc.update("""
                insert into leefgebied_assessment (id, case_id, member_id, leefgebied, moment, status, score, own_words,
                                                   strengths, network, assessed_by, assessed_at)
                values (?, ?, ?, 'FINANCIEN', 'VRAAGVERHELDERING', 'ASSESSED', 2, ?, ?, ?, 'wijkcoach', ?)
                """, UUID.randomUUID(), id, memberId, "Ik (" + SECRET + ") zie door de brieven de bomen niet meer",
                "Zoë " + SECRET + " is doorzetter", "Zus van " + SECRET + " helpt", ts(opened.plus(3, ChronoUnit.DAYS)));
        jdbc.update("""
                insert into leefgebied_assessment (id, case_id, member_id, leefgebied, moment, status, reason,
                                                   assessed_by, assessed_at)
                values (?, ?, ?, 'MIDDELENGEBRUIK', 'VRAAGVERHELDERING', 'NIET_BESPROKEN', ?, 'wijkcoach', ?)
                """, UUID.randomUUID(), id, memberId, "Nog niet, " + SECRET + " was er niet bij",
                ts(opened.plus(3, ChronoUnit.DAYS)));
        jdbc.update("insert into real_question (id, case_id, question, recorded_by, recorded_at) values (?, ?, ?, 'wijkcoach', ?)",
                UUID.randomUUID(), id, "Hoe houdt " + SECRET + " het huis?", ts(opened.plus(20, ChronoUnit.DAYS)));
        UUID safetyCheck = UUID.randomUUID();
        jdbc.update("""
                insert into safety_check (id, case_id, step, everyone_safe, lasting_risk, checked_by, checked_at)
                values (?, ?, 'plan', true, false, 'wijkcoach', ?)
                """, safetyCheck, id, ts(opened.plus(20, ChronoUnit.DAYS)));
        jdbc.update("insert into safety_check_answer (safety_check_id, member_id, safe, how_we_know) values (?, ?, true, ?)",
                safetyCheck, memberId, SECRET + " zelf gesproken, zonder partner erbij");
        jdbc.update("""
                insert into meldcode_entry (case_id, step, done_on, done_by, summary, decision, decision_reason, recorded_by, recorded_at)
                values (?, 'BESLISSEN', ?, ?, ?, 'GEEN', ?, 'wijkcoach', ?)
                """, id, java.sql.Date.valueOf(LocalDate.ofInstant(opened, java.time.ZoneOffset.UTC).plusDays(2)),
                "Huisarts dr. " + SECRET, "Buurvrouw van " + SECRET + " hoorde geschreeuw", "Geen vermoeden na gesprek met " + SECRET,
                ts(opened.plus(2, ChronoUnit.DAYS)));
        // A voorziening is free text (it may name a person); an organisation of the register is not personal data.
        jdbc.update("""
                insert into toeleiding_trace (id, case_id, outcome, connection_kind, organisation_id, connected_to,
                                              in_voorliggend_veld, voorliggend_veld_used, recorded_by, recorded_at)
                values (?, ?, 'CONNECTED', 'VOORZIENING', null, ?, true, true, 'wijkcoach', ?),
                       (?, ?, 'CONNECTED', 'ORGANISATION', ?, 'GGZ Retentie', false, true, 'wijkcoach', ?)
                """, UUID.randomUUID(), id, "Buurtmaatje van " + SECRET, ts(opened.plus(2, ChronoUnit.DAYS)),
                UUID.randomUUID(), id, GGZ, ts(opened.plus(3, ChronoUnit.DAYS)));
        UUID veiligheidsplan = UUID.randomUUID();
        jdbc.update("insert into veiligheidsplan (id, case_id, current_version, created_at) values (?, ?, 1, ?)",
                veiligheidsplan, id, ts(opened.plus(2, ChronoUnit.DAYS)));
        jdbc.update("""
                insert into veiligheidsplan_version (plan_id, number, content, changed_by, changed_at, change_note)
                values (?, 1, cast(? as jsonb), 'wijkcoach', ?, ?)
                """, veiligheidsplan, """
                {"voorwaarden": [{"id": "%s", "memberId": "%s", "condition": "Oom van %s komt niet in huis",
                                  "howChecked": "Wekelijks bellen met %s", "checkedBy": "Tante %s", "setBy": "TEAM"}],
                 "agreement": {"agreedAt": "2020-01-01T10:00:00Z", "agreedBy": [{"name": "Zoë %s", "kind": "HUISHOUDEN"}],
                               "recordedBy": "wijkcoach"}}
                """.formatted(UUID.randomUUID(), memberId, SECRET, SECRET, SECRET, SECRET),
                ts(opened.plus(2, ChronoUnit.DAYS)), "Afgesproken met " + SECRET);

        UUID plan = UUID.randomUUID();
        jdbc.update("""
                insert into plan (id, household_id, case_id, status, current_version, created_at)
                values (?, ?, ?, 'ACTIVE', 2, ?)
                """, plan, householdId, id, ts(opened.plus(21, ChronoUnit.DAYS)));
        String content = """
                {"goals": [{"id": "%s", "leefgebied": "FINANCIEN", "memberId": "%s", "description": "Grip op geld voor %s",
                            "result": "%s heeft een betalingsregeling", "targetDate": "2030-01-01",
                            "actions": [{"id": "%s", "description": "Budgetcoach belt %s", "ownerType": "PARTNER",
                                         "organisationId": "%s", "professional": "budgetcoach", "status": "DONE"}]}],
                 "agreement": %s}
                """;
        String agreement = "{\"agreedAt\": \"2020-01-01T10:00:00Z\", \"form\": \"IN_GESPREK\", \"agreedBy\": \"Zoë " + SECRET
                + "\", \"recordedBy\": \"wijkcoach\"}";
        UUID goal = UUID.randomUUID();
        UUID action = UUID.randomUUID();
        String organisation = handoverTo == null ? GGZ : handoverTo;
        jdbc.update("""
                insert into plan_version (plan_id, number, content, changed_by, changed_at, change_note)
                values (?, 1, cast(? as jsonb), 'wijkcoach', ?, null)
                """, plan, content.formatted(goal, memberId, SECRET, SECRET, action, SECRET, organisation, "null"),
                ts(opened.plus(21, ChronoUnit.DAYS)));
        jdbc.update("""
                insert into plan_version (plan_id, number, content, changed_by, changed_at, change_note)
                values (?, 2, cast(? as jsonb), 'wijkcoach', ?, ?)
                """, plan, content.formatted(goal, memberId, SECRET, SECRET, action, SECRET, organisation, agreement),
                ts(opened.plus(22, ChronoUnit.DAYS)), "Akkoord van " + SECRET);
        move(id, "PLAN", "REGIE", opened.plus(23, ChronoUnit.DAYS), null);
        // The partner's work in the plan (decision 0043): a stop with a reason, a progress note, a proposal.
        jdbc.update("""
                insert into plan_action_state (plan_id, action_id, status, stop_reason, revision, updated_by, updated_at)
                values (?, ?, 'CANCELLED', ?, 1, 'partner-ggz', ?)
                """, plan, action, "Gestopt op verzoek van " + SECRET, ts(opened.plus(30, ChronoUnit.DAYS)));
        jdbc.update("""
                insert into plan_action_event (id, plan_id, action_id, kind, note_date, text, author, organisation_id, recorded_at)
                values (?, ?, ?, 'NOTE', ?, ?, 'partner-ggz', ?, ?)
                """, UUID.randomUUID(), plan, action, java.sql.Date.valueOf(LocalDate.ofInstant(opened, java.time.ZoneOffset.UTC)
                .plusDays(29)), "Gesprek met " + SECRET, organisation, ts(opened.plus(29, ChronoUnit.DAYS)));
        jdbc.update("""
                insert into plan_change_proposal (id, plan_id, case_id, organisation_id, proposed_by, proposed_at, based_on_version,
                                                  kind, goal_id, action_description, action_owner_type, motivation, status,
                                                  decided_by, decided_at, decline_reason)
                values (?, ?, ?, ?, 'partner-ggz', ?, 2, 'NEW_ACTION', ?, ?, 'PARTNER', ?, 'DECLINED', 'wijkcoach', ?, ?)
                """, UUID.randomUUID(), plan, id, organisation, ts(opened.plus(29, ChronoUnit.DAYS)), goal,
                "Schuldhulp voor " + SECRET, "Omdat " + SECRET, ts(opened.plus(30, ChronoUnit.DAYS)), "Niet nodig voor " + SECRET);

        jdbc.update("""
                insert into regie_assignment (id, case_id, kind, holder_type, holder, holder_organisation, started_at, started_via, reason)
                values (?, ?, 'CASUSREGIE', 'PROFESSIONAL', 'wijkcoach', 'team-noord', ?, 'PLAN', ?)
                """, UUID.randomUUID(), id, ts(opened.plus(23, ChronoUnit.DAYS)), "Vertrouwd bij " + SECRET);
        jdbc.update("""
                insert into handover (id, case_id, scope, sender, sender_organisation, receiver_organisation, summary, consent,
                                      status, accept_before, decided_by, decided_at, decline_reason, created_at)
                values (?, ?, 'ACTIONS', 'wijkcoach', 'team-noord', ?, cast(? as jsonb), cast(? as jsonb), 'DECLINED', ?,
                        'partner', ?, ?, ?)
                """, UUID.randomUUID(), id, organisation,
                "{\"realQuestion\": \"Hoe houdt " + SECRET + " het huis?\", \"note\": \"Let op " + SECRET + "\", \"assessments\": "
                        + "[{\"member\": \"Zoë " + SECRET + "\", \"leefgebied\": \"FINANCIEN\", \"score\": 2}], \"goals\": []}",
                "{\"basis\": \"CONSENT\", \"givenBy\": \"Zoë " + SECRET + "\", \"form\": \"IN_GESPREK\", \"leefgebieden\": [\"FINANCIEN\"]}",
                ts(opened.plus(30, ChronoUnit.DAYS)), ts(opened.plus(26, ChronoUnit.DAYS)), "Wachtlijst; " + SECRET + " past niet",
                ts(opened.plus(24, ChronoUnit.DAYS)));
        jdbc.update("""
                insert into stagnation_signal (id, case_id, kind, reference_id, description, raised_at, resolved_at)
                values (?, ?, 'TIME_IN_STEP', ?, 'Casus staat te lang in stap REGIE.', ?, ?)
                """, UUID.randomUUID(), id, id, ts(opened.plus(60, ChronoUnit.DAYS)), ts(opened.plus(70, ChronoUnit.DAYS)));
        UUID escalation = UUID.randomUUID();
        jdbc.update("""
                insert into escalation (id, case_id, cause, description, source, raised_by, raised_at, status, procesregisseur,
                                        taken_at, doorbraak, deescalated_at, deescalation_note)
                values (?, ?, 'FINANCING_CONFLICT', ?, 'WORKER', 'wijkcoach', ?, 'DEESCALATED', 'procesregisseur', ?,
                        cast(? as jsonb), ?, ?)
                """, escalation, id, "Niemand betaalt voor " + SECRET, ts(opened.plus(61, ChronoUnit.DAYS)),
                ts(opened.plus(62, ChronoUnit.DAYS)),
                "{\"casusoverlegAt\": \"2020-01-01T10:00:00Z\", \"participants\": [\"Zoë " + SECRET + "\", \"wijkcoach\"], "
                        + "\"decision\": \"Gemeente betaalt voor " + SECRET + "\", \"payer\": \"gemeente\", \"followUpBy\": \"procesregisseur\"}",
                ts(opened.plus(90, ChronoUnit.DAYS)), "Opgelost met " + SECRET);
        jdbc.update("""
                insert into doorbraak_action (id, escalation_id, description, organisation_id, due_on)
                values (?, ?, ?, ?, date '2020-02-01')
                """, UUID.randomUUID(), escalation, "Bel " + SECRET + " terug", organisation);

        if (toegangLaw != null) {
            UUID request = UUID.randomUUID();
            jdbc.update("""
                    insert into toegang_request (id, case_id, law, provision, received_on, phase, outcome, granted_provision,
                                                 decision_reason, decided_by, decided_at, requested_by, requested_at)
                    values (?, ?, ?, 'Begeleiding', ?, 'BESLOTEN', 'GRANTED', 'Begeleiding', ?, 'toegang', ?, 'wijkcoach', ?)
                    """, request, id, toegangLaw, LocalDate.ofInstant(opened, ZONE), "Begeleiding nodig omdat " + SECRET + " overbelast is",
                    ts(opened.plus(40, ChronoUnit.DAYS)), ts(opened.plus(25, ChronoUnit.DAYS)));
            UUID deadline = UUID.randomUUID();
            jdbc.update("""
                    insert into legal_deadline (id, case_id, toegang_request_id, term, legal_basis, received_on, due_on, warn_on,
                                                status, met_on, created_at)
                    values (?, ?, ?, 'WMO_ONDERZOEK', 'Wmo 2015 art. 2.3.2', ?, ?, ?, 'MET', ?, ?)
                    """, deadline, id, request, LocalDate.ofInstant(opened, ZONE), LocalDate.ofInstant(opened, ZONE).plusWeeks(6),
                    LocalDate.ofInstant(opened, ZONE).plusWeeks(5), LocalDate.ofInstant(opened, ZONE).plusWeeks(4), ts(opened));
            jdbc.update("""
                    insert into deadline_suspension (id, deadline_id, since, until, reason, recorded_by, recorded_at)
                    values (?, ?, ?, ?, ?, 'toegang', ?)
                    """, UUID.randomUUID(), deadline, LocalDate.ofInstant(opened, ZONE).plusWeeks(1),
                    LocalDate.ofInstant(opened, ZONE).plusWeeks(2), "Wacht op medische gegevens van " + SECRET, ts(opened));
        }
        jdbc.update("""
                insert into idempotency_record (client_id, idempotency_key, request_hash, response_status, response_body, created_at)
                values ('frontoffice', ?, 'hash', 201, ?, ?)
                """, UUID.randomUUID().toString(), "{\"caseId\":\"" + id + "\",\"householdId\":\"" + householdId + "\"}", ts(opened));

        if (supportEnded != null) {
            move(id, "REGIE", "EVALUATIE", supportEnded.minus(1, ChronoUnit.DAYS), null);
            move(id, "EVALUATIE", "NAZORG", supportEnded, "Doelen gehaald, " + SECRET + " redt het");
            jdbc.update("update support_case set status = 'NAZORG', current_stage = 'NAZORG', closed_at = ?, closure_reason = ? where id = ?",
                    ts(supportEnded), "Doelen gehaald, " + SECRET + " redt het", id);
            if (closed) {
                Instant afgesloten = supportEnded.plus(91, ChronoUnit.DAYS);
                move(id, "NAZORG", "AFGESLOTEN", afgesloten, null);
                jdbc.update("update support_case set status = 'CLOSED', current_stage = 'AFGESLOTEN', stage_entered_at = ? where id = ?",
                        ts(afgesloten), id);
                jdbc.update("update plan set status = 'CLOSED', closed_at = ? where case_id = ?", ts(afgesloten), id);
            }
        }
    }

    private void move(UUID caseId, String from, String to, Instant at, String reason) {
        jdbc.update("insert into step_history (case_id, from_stage, to_stage, actor, moved_at, reason) values (?, ?, ?, 'wijkcoach', ?, ?)",
                caseId, from, to, ts(at), reason);
    }

    /** Every row that belongs to the household, per table, as text; what the erasure must have cleaned. */
    Map<String, String> rowsAsText() {
        Map<String, String> rows = new LinkedHashMap<>();
        String cases = "select id from support_case where household_id = '" + householdId + "'";
        Map<String, String> where = new LinkedHashMap<>();
        where.put("household", "id = '" + householdId + "'");
        where.put("household_member", "household_id = '" + householdId + "'");
        where.put("support_case", "household_id = '" + householdId + "'");
        where.put("signal", "household_id = '" + householdId + "'");
        for (String table : List.of("triage_assessment", "leefgebied_assessment", "real_question", "regie_assignment",
                "handover", "stagnation_signal", "toegang_request", "legal_deadline", "escalation", "step_history")) {
            where.put(table, "case_id in (" + cases + ")");
        }
        where.put("plan", "household_id = '" + householdId + "'");
        where.put("plan_version", "plan_id in (select id from plan where household_id = '" + householdId + "')");
        where.put("plan_action_state", "plan_id in (select id from plan where household_id = '" + householdId + "')");
        where.put("plan_action_event", "plan_id in (select id from plan where household_id = '" + householdId + "')");
        where.put("plan_change_proposal", "case_id in (" + cases + ")");
        where.put("deadline_suspension", "deadline_id in (select id from legal_deadline where case_id in (" + cases + "))");
        where.put("doorbraak_action", "escalation_id in (select id from escalation where case_id in (" + cases + "))");
        where.put("meldcode_entry", "case_id in (" + cases + ")");
        where.put("toeleiding_trace", "case_id in (" + cases + ")");
        where.put("veiligheidsplan_version", "plan_id in (select id from veiligheidsplan where case_id in (" + cases + "))");
        where.put("safety_check_answer", "safety_check_id in (select id from safety_check where case_id in (" + cases + "))");
        where.put("idempotency_record", "response_body like '%" + householdId + "%'");
        where.forEach((table, condition) -> rows.put(table,
                jdbc.queryForObject("select coalesce(string_agg(t::text, ' | '), '') from " + table + " t where " + condition,
                        String.class)));
        return rows;
    }

    /** How many rows the counts of the dashboard read for this household. */
    Map<String, Integer> countedRows() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        String cases = "(select id from support_case where household_id = '" + householdId + "')";
        for (String table : List.of("step_history", "stage_stay", "signal", "triage_assessment", "leefgebied_assessment",
                "toegang_request", "escalation", "handover")) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table + " where case_id in " + cases, Integer.class));
        }
        counts.put("support_case", jdbc.queryForObject("select count(*) from support_case where id in " + cases, Integer.class));
        counts.put("plan_version", jdbc.queryForObject(
                "select count(*) from plan_version where plan_id in (select id from plan where household_id = ?)", Integer.class,
                householdId));
        counts.put("household_member", jdbc.queryForObject("select count(*) from household_member where household_id = ?",
                Integer.class, householdId));
        return counts;
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
