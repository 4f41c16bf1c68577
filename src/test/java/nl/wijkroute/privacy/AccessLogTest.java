package nl.wijkroute.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import nl.wijkroute.system.MunicipalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.wijkroute.partner.OrganisationService;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import nl.wijkroute.partner.OrganisationType;
import nl.wijkroute.privacy.accesslog.AccessLogSealer;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.Bsns;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.AopTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/** The NEN 7513 access log: what is written for reads and writes, that it cannot change unseen, and who reads it. */
class AccessLogTest extends ApiTestSupport {

    @Autowired
    OrganisationService organisations;

    @Autowired
    AccessLogSealer sealer;

    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void aReadIsLoggedWithWhoWhatWhenWhyAndOutcome() throws Exception {
        UUID caseId = openCaseInNoord();
        UUID householdId = UUID.fromString(getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach()).get("household")
                .get("id").asText());

        Map<String, Object> entry = jdbc.queryForMap("""
                select * from access_log where case_id = ? and username = 'wijkcoach' and action = 'READ'
                order by id desc limit 1""", caseId);
        assertThat(entry).containsEntry("user_role", "wijkteam").containsEntry("organisation", "team-noord")
                .containsEntry("household_id", householdId).containsEntry("data_category", "CASE_FILE")
                .containsEntry("outcome", "GRANTED").containsEntry("break_glass", false);
        assertThat((String) entry.get("purpose")).contains("wijkteam");
        assertThat(entry.get("logged_at")).isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from access_log where case_id = ? and username = 'frontoffice' "
                + "and action = 'CREATE' and data_category = 'CASE_FILE'", Integer.class, caseId))
                .as("registering the signal created case-file data").isEqualTo(1);
    }

    @Test
    void aWriteIsLoggedWithItsChangeAndAFailedWriteLeavesNoEntry() throws Exception {
        UUID caseId = caseAtPlan();
        int before = entries(caseId, "PLAN", "CREATE");
        assertThat(sendPlan(post("/api/v1/cases/" + caseId + "/plan"), Map.of("goals", List.of(goal()))).getResponse()
                .getStatus()).isEqualTo(201);
        assertThat(entries(caseId, "PLAN", "CREATE")).isEqualTo(before + 1);

        // A second plan for the household is refused after the access was granted: the refusal rolls back the entry too.
        int updates = entries(caseId, "PLAN", "UPDATE");
        int creates = entries(caseId, "PLAN", "CREATE");
        assertProblem(sendPlan(post("/api/v1/cases/" + caseId + "/plan"), Map.of("goals", List.of(goal()))), 409);
        assertProblem(sendPlan(put("/api/v1/cases/" + caseId + "/plan"), Map.of("basedOnVersion", 7, "goals", List.of(goal()))), 409);
        assertThat(entries(caseId, "PLAN", "CREATE")).isEqualTo(creates);
        assertThat(entries(caseId, "PLAN", "UPDATE")).isEqualTo(updates);
    }

    @Test
    void anOutOfScopeAttemptIsLoggedAsDenied() throws Exception {
        UUID caseId = openCaseInNoord();
        assertProblem(mvc.perform(get("/api/v1/cases/" + caseId).with(TestUsers.wijkcoach2())).andReturn(), 404);
        assertThat(jdbc.queryForObject("select count(*) from access_log where case_id = ? and username = 'wijkcoach2' "
                + "and outcome = 'DENIED'", Integer.class, caseId)).isEqualTo(1);
    }

    @Test
    void theLogCannotBeChangedOrEmptiedByTheApplication() {
        assertThatThrownBy(() -> jdbc.update("update access_log set purpose = 'stil aangepast'"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from access_log"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("truncate access_log"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    }

    @Test
    void tamperingAroundTheTriggersIsRevealedByTheHashChain() throws Exception {
        openCaseInNoord();
        JsonNode intact = getJson("/api/v1/access-log/verification", TestUsers.privacyOfficer());
        assertThat(intact.get("intact").asBoolean()).isTrue();
        assertThat(intact.get("entries").asLong()).isPositive();

        long victim = jdbc.queryForObject("select id from access_log order by id desc offset 1 limit 1", Long.class);
        String original = jdbc.queryForObject("select username from access_log where id = ?", String.class, victim);
        // A database superuser can switch the guard off; the chain still tells.
        try {
            jdbc.execute("alter table access_log disable trigger access_log_append_only");
            jdbc.update("update access_log set username = 'iemand-anders' where id = ?", victim);
            JsonNode tampered = getJson("/api/v1/access-log/verification", TestUsers.privacyOfficer());
            assertThat(tampered.get("intact").asBoolean()).isFalse();
            assertThat(tampered.get("firstBrokenId").asLong()).isEqualTo(victim);
        } finally {
            jdbc.update("update access_log set username = ? where id = ?", original, victim);
            jdbc.execute("alter table access_log enable trigger access_log_append_only");
        }
        assertThat(getJson("/api/v1/access-log/verification", TestUsers.privacyOfficer()).get("intact").asBoolean()).isTrue();
    }

    @Test
    void aListIsOneEntryNamingEveryHouseholdItShowed() throws Exception {
        String bsn = Bsns.random();
        UUID listed = UUID.fromString(read(postSignal(signal(newHousehold("noord", member("Mila", "Jansen", "1990-01-01", bsn))),
                TestUsers.frontoffice(), UUID.randomUUID().toString())).get("caseId").asText());
        List<UUID> cases = List.of(listed, openCaseInNoord(), openCaseInNoord());
        String household = jdbc.queryForObject("select household_id::text from support_case where id = ?", String.class, listed);
        // Claimed by one worker, so that worker's own werkbak surely shows all three on its first page.
        for (UUID caseId : cases) {
            assertThat(claim(openTask(caseId, "triage"), TestUsers.wijkcoachNoord2()).getResponse().getStatus()).isEqualTo(200);
        }

        long before = newestId();
        JsonNode page = getJson("/api/v1/cases?wijk=noord&size=100", TestUsers.wijkcoach());
        int shown = page.get("items").size();
        assertThat(shown).isGreaterThanOrEqualTo(3);
        assertThat(page.get("items").findValuesAsText("householdId")).contains(household);
        List<Map<String, Object>> written = jdbc.queryForList("""
                select username, data_category, action, case_id, cardinality(case_ids) as cases,
                       cardinality(household_ids) as households, ?::uuid = any(household_ids) as names_household
                from access_log where id > ?""", household, before);
        assertThat(written).as("one entry for a page of " + shown + " cases").hasSize(1);
        assertThat(written.get(0)).containsEntry("username", "wijkcoach").containsEntry("data_category", "CASE_FILE")
                .containsEntry("action", "READ").containsEntry("cases", shown).containsEntry("names_household", true);

        before = newestId();
        JsonNode werkbak = getJson("/api/v1/tasks?assignment=mine&size=100", TestUsers.wijkcoachNoord2());
        long casesInWerkbak = werkbak.findValuesAsText("caseId").stream().distinct().count();
        assertThat(casesInWerkbak).isGreaterThanOrEqualTo(3);
        assertThat(jdbc.queryForList("select cardinality(case_ids) from access_log where id > ?", Integer.class, before))
                .as("one entry for a werkbak of " + casesInWerkbak + " cases").containsExactly((int) casesInWerkbak);
        // The page reads one task more than it shows (decision 0067): only the shown task's case is logged.
        before = newestId();
        JsonNode one = getJson("/api/v1/tasks?assignment=mine&size=1", TestUsers.wijkcoachNoord2());
        assertThat(one.get("items")).hasSize(1);
        // (A list of one case is written as a single-case entry.)
        assertThat(jdbc.queryForList("""
                select coalesce(case_id::text, '') || coalesce(array_to_string(case_ids, ','), '')
                from access_log where id > ?""", String.class, before)).as("the shown task's case only, not the one read ahead")
                .containsExactly(one.get("items").get(0).get("caseId").asText());

        // Who saw this household: the privacy officer and the resident both find the list entries.
        JsonNode entries = allItems("/api/v1/access-log?householdId=" + household, TestUsers.privacyOfficer());
        List<JsonNode> lists = new java.util.ArrayList<>();
        entries.forEach(entry -> {
            if (entry.has("householdIds") && Set.of("wijkcoach", "wijkcoach3").contains(entry.get("username").asText())) {
                lists.add(entry);
            }
        });
        assertThat(lists).extracting(entry -> entry.get("category").asText()).contains("CASE_FILE", "ROUTE");
        assertThat(lists).allSatisfy(entry -> {
            assertThat(entry.get("householdIds").toString()).contains(household);
            assertThat(entry.get("householdIds")).as("a look-up for one household names no other").hasSize(1);
            assertThat(entry.has("caseIds")).isFalse();
        });
        JsonNode looked = allItems("/api/v1/me/access-log", TestUsers.inwoner(bsn));
        List<String> seen = new java.util.ArrayList<>();
        looked.forEach(access -> seen.add(access.get("role").asText() + " " + access.get("category").asText() + " "
                + access.get("action").asText()));
        assertThat(seen).contains("wijkteam CASE_FILE READ", "wijkteam ROUTE READ");
    }

    @Test
    void entriesAreWrittenUnsealedAndTheSealerChainsEachOnceAndExportsTheHead() throws Exception {
        sealer.seal();
        long before;
        int written;
        // The scheduled sealer runs every 2 s; holding its monitor (seal() is synchronized on the bean itself, not
        // on its ShedLock proxy) keeps it from chaining the new entries before they are counted as unsealed.
        synchronized (AopTestUtils.<AccessLogSealer>getUltimateTargetObject(sealer)) {
            before = newestId();
            UUID caseId = openCaseInNoord();
            getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach());
            written = jdbc.queryForObject("select count(*) from access_log where id > ?", Integer.class, before);
            assertThat(written).isGreaterThanOrEqualTo(2);
            assertThat(jdbc.queryForObject("""
                    select count(*) from access_log l where id > ?
                    and not exists (select 1 from access_log_chain c where c.entry_id = l.id)
                    and exists (select 1 from access_log_unsealed u where u.entry_id = l.id)""", Integer.class, before))
                    .as("written without a seal, queued for the sealer").isEqualTo(written);
        }

        AccessLogSealer.Seal head = sealer.seal().orElseThrow();
        assertThat(head.id()).isEqualTo(newestId());
        assertThat(jdbc.queryForObject("select count(*) from access_log l "
                + "where not exists (select 1 from access_log_chain c where c.entry_id = l.id)", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from access_log_unsealed where entry_id > ?", Integer.class, before))
                .as("the queue is emptied").isZero();
        List<Long> chainOrder = jdbc.queryForList("select entry_id from access_log_chain where entry_id > ? order by chain_position",
                Long.class, before);
        assertThat(chainOrder).hasSize(written).isSorted();
        assertThat(sealer.exported()).contains(head);
        assertThat(sealer.seal()).as("nothing new: the head stays").contains(head);

        JsonNode verification = getJson("/api/v1/access-log/verification", TestUsers.privacyOfficer());
        assertThat(verification.get("intact").asBoolean()).isTrue();
        assertThat(verification.get("unsealed").asLong()).isZero();
        assertThat(verification.get("headHash").asText()).isEqualTo(head.hash());
        assertThat(verification.get("exportedSealFound").asBoolean()).isTrue();

        // A seal is written once and an entry never changes, sealed or not (decision 0059).
        assertThatThrownBy(() -> jdbc.update("update access_log_chain set hash = repeat('1', 64) where entry_id = ?", head.id()))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from access_log_chain where entry_id = ?", head.id()))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("truncate access_log_chain"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("update access_log set purpose = 'anders' where id = ?", head.id()))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    }

    @Test
    void deletingAnEntryInTheMiddleOrCuttingOffTheEndIsRevealed() throws Exception {
        for (int i = 0; i < 2; i++) {
            getJson("/api/v1/cases/" + openCaseInNoord(), TestUsers.wijkcoach());
        }
        JsonNode intact = getJson("/api/v1/access-log/verification", TestUsers.privacyOfficer());
        assertThat(intact.get("intact").asBoolean()).isTrue();

        long newest = newestId();
        long middle = jdbc.queryForObject("select id from access_log order by id desc offset 2 limit 1", Long.class);
        long afterMiddle = jdbc.queryForObject("select min(id) from access_log where id > ?", Long.class, middle);
        // The newest entries gone with their seals: the rest chains up fine, only the seal kept outside the table tells.
        removeAroundTheTriggers("id >= " + (newest - 1), true, () -> {
            JsonNode tampered = getJson("/api/v1/access-log/verification", TestUsers.privacyOfficer());
            assertThat(tampered.get("intact").asBoolean()).as(tampered.toString()).isFalse();
            assertThat(tampered.get("exportedSealFound").asBoolean()).isFalse();
        });
        removeAroundTheTriggers("id = " + middle, true, () -> {
            JsonNode tampered = getJson("/api/v1/access-log/verification", TestUsers.privacyOfficer());
            assertThat(tampered.get("intact").asBoolean()).isFalse();
            assertThat(tampered.get("firstBrokenId").asLong()).as("the entry after the gap").isEqualTo(afterMiddle);
        });
        // The entry gone, its seal left: the seal no longer matches anything.
        removeAroundTheTriggers("id = " + middle, false, () -> {
            JsonNode tampered = getJson("/api/v1/access-log/verification", TestUsers.privacyOfficer());
            assertThat(tampered.get("intact").asBoolean()).isFalse();
            assertThat(tampered.get("firstBrokenId").asLong()).as("the missing entry").isEqualTo(middle);
        });
        assertThat(getJson("/api/v1/access-log/verification", TestUsers.privacyOfficer()).get("intact").asBoolean()).isTrue();
    }

    @Test
    void aSealNotWrittenByTheSealerIsRefusedAndAStrayQueueRowDoesNotStopSealing() throws Exception {
        long forged = jdbc.queryForObject("""
                insert into access_log (username, user_role, data_category, action, purpose, outcome)
                values ('indringer', 'wijkteam', 'CASE_FILE', 'READ', 'Vervalst', 'GRANTED') returning id""", Long.class);
        // Taking the entry's place in the chain, a place far ahead (which would stop the sealer), or the next place
        // with a wrong link or hash is refused, whatever the session says of itself.
        // (The statement first sets the marker the sealer once set for itself: it proves nothing any more.)
        String head = "(select coalesce(max(chain_position), 0) from access_log_chain)";
        String headHash = "coalesce((select hash from access_log_chain order by chain_position desc limit 1), repeat('0', 64))";
        for (String seal : new String[] {
                "?::bigint, 999999, repeat('0', 64), repeat('1', 64)",
                "?::bigint, 9223372036854775807, " + headHash + ", repeat('1', 64)",
                "?::bigint, " + head + " + 1, repeat('2', 64), repeat('1', 64)",
                "?::bigint, " + head + " + 1, " + headHash + ", repeat('1', 64)"}) {
            assertThatThrownBy(() -> jdbc.update("with marked as (select set_config('wijkroute.access_log_sealing', 'on', true)) "
                    + "insert into access_log_chain (entry_id, chain_position, previous_hash, hash) select " + seal
                    + " from marked", forged)).as(seal)
                    .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        }
        // A queue row without an entry is dropped by the sealer, not chained and not stuck on.
        jdbc.update("insert into access_log_unsealed (entry_id) values (-1)");

        JsonNode verification = getJson("/api/v1/access-log/verification", TestUsers.privacyOfficer());
        assertThat(verification.get("intact").asBoolean()).isTrue();
        assertThat(verification.get("unsealed").asInt()).as("the sealer chained it like any other row").isZero();
        assertThat(jdbc.queryForObject("select count(*) from access_log_chain where entry_id in (?, -1)", Integer.class,
                forged)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from access_log_unsealed where entry_id = -1", Integer.class)).isZero();
    }

    /**
     * The chain's trigger works out each seal's link and hash itself (decision 0065): a writer names the entry and its
     * place. Whoever writes, a seal for an entry that does not exist, a second seal for a sealed entry, a seal without a
     * place are refused; a seal that names only the next place gets exactly the link and hash the sealer would give it.
     */
    @Test
    void aSealForAMissingEntryOrASecondSealIsRefusedAndANamedPlaceGetsItsLinkAndHashFromTheTrigger() throws Exception {
        String insertEntry = """
                insert into access_log (username, user_role, data_category, action, purpose, outcome)
                values ('wijkcoach', 'wijkteam', 'CASE_FILE', 'READ', 'Regie', 'GRANTED') returning id""";
        String seal = "insert into access_log_chain (entry_id, chain_position, previous_hash, hash) values (?, ?, ?, ?)";
        synchronized (AopTestUtils.<AccessLogSealer>getUltimateTargetObject(sealer)) {
            long sealed = jdbc.queryForObject(insertEntry, Long.class);
            AccessLogSealer.Seal head = sealer.seal().orElseThrow();
            assertThat(head.id()).isEqualTo(sealed);
            long unsealed = jdbc.queryForObject(insertEntry, Long.class);
            long next = head.position() + 1;
            String sealedDigest = jdbc.queryForObject("select access_log_digest(l, ?) from access_log l where id = ?",
                    String.class, head.hash(), sealed);

            for (Object[] values : List.of(
                    new Object[] {-1L, next, null, null},
                    new Object[] {-1L, next, head.hash(), "0".repeat(64)},
                    new Object[] {unsealed, null, null, null},
                    new Object[] {unsealed, next + 1, null, null},
                    new Object[] {unsealed, head.position(), null, null})) {
                assertThatThrownBy(() -> jdbc.update(seal, values)).as(java.util.Arrays.toString(values))
                        .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
            }
            // The sealed entry once more, at the next place with the very link and hash it would have there.
            for (Object[] values : List.of(new Object[] {sealed, next, null, null},
                    new Object[] {sealed, next, head.hash(), sealedDigest})) {
                assertThatThrownBy(() -> jdbc.update(seal, values)).as("a second seal for entry " + sealed)
                        .isInstanceOf(DataAccessException.class).hasMessageContaining("access_log_chain_pkey");
            }

            jdbc.update(seal, unsealed, next, null, null);
            assertThat(jdbc.queryForMap("select previous_hash, hash from access_log_chain where entry_id = ?", unsealed))
                    .containsEntry("previous_hash", head.hash())
                    .containsEntry("hash", jdbc.queryForObject("select access_log_digest(l, ?) from access_log l where id = ?",
                            String.class, head.hash(), unsealed));
        }
        // The sealer drops the queue row of the entry sealed by hand; the chain verifies.
        JsonNode verification = getJson("/api/v1/access-log/verification", TestUsers.privacyOfficer());
        assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("unsealed").asLong()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from access_log_unsealed", Integer.class)).isZero();
    }

    @Test
    void aChangedSealIsRevealed() throws Exception {
        getJson("/api/v1/cases/" + openCaseInNoord(), TestUsers.wijkcoach());
        assertThat(getJson("/api/v1/access-log/verification", TestUsers.privacyOfficer()).get("intact").asBoolean()).isTrue();
        long victim = jdbc.queryForObject("select entry_id from access_log_chain order by chain_position desc offset 1 limit 1",
                Long.class);
        String original = jdbc.queryForObject("select hash from access_log_chain where entry_id = ?", String.class, victim);
        try {
            jdbc.execute("alter table access_log_chain disable trigger access_log_chain_append_only");
            jdbc.update("update access_log_chain set hash = repeat('f', 64) where entry_id = ?", victim);
            JsonNode tampered = getJson("/api/v1/access-log/verification", TestUsers.privacyOfficer());
            assertThat(tampered.get("intact").asBoolean()).isFalse();
            assertThat(tampered.get("firstBrokenId").asLong()).isEqualTo(victim);
        } finally {
            jdbc.update("update access_log_chain set hash = ? where entry_id = ?", original, victim);
            jdbc.execute("alter table access_log_chain enable trigger access_log_chain_append_only");
        }
        assertThat(getJson("/api/v1/access-log/verification", TestUsers.privacyOfficer()).get("intact").asBoolean()).isTrue();
    }

    /**
     * V65 moved the seals made so far out of the entry rows unchanged: they verify only while the digest hashes the
     * very text V14/V18/V27 hashed. That text, built here independently of the database, for a single-case entry and a
     * list entry: id, link, time (UTC, microseconds), user, role, organisation, household, case, category, action,
     * purpose, outcome, break-glass, user id, and the lists only when present.
     */
    @Test
    void theDigestStillHashesTheTextOfTheSealsMadeBeforeTheyMovedOutOfTheEntry() throws Exception {
        UUID household = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        String link = "a".repeat(64);
        long single = jdbc.queryForObject("""
                insert into access_log (logged_at, username, user_role, organisation, household_id, case_id, data_category,
                                        action, purpose, outcome, break_glass, user_id)
                values ('2026-01-02T03:04:05.123456Z', 'wijkcoach', 'wijkteam', 'team-noord', ?, ?, 'CASE_FILE', 'READ',
                        'Regie', 'GRANTED', false, 'sub-1') returning id""", Long.class, household, caseId);
        long list = jdbc.queryForObject("""
                insert into access_log (logged_at, username, user_role, data_category, action, purpose, outcome,
                                        household_ids, case_ids)
                values ('2026-01-02T03:04:05Z', 'wijkcoach', 'wijkteam', 'CASE_FILE', 'READ', 'Werkbak', 'GRANTED',
                        array[?]::uuid[], array[?]::uuid[]) returning id""", Long.class, household, caseId);

        assertThat(digest(single, link)).isEqualTo(sha256(single + "|" + link + "|2026-01-02T03:04:05.123456|wijkcoach|wijkteam"
                + "|team-noord|" + household + "|" + caseId + "|CASE_FILE|READ|Regie|GRANTED|false|sub-1"));
        assertThat(digest(list, link)).isEqualTo(sha256(list + "|" + link + "|2026-01-02T03:04:05.000000|wijkcoach|wijkteam"
                + "||||CASE_FILE|READ|Werkbak|GRANTED|false|households:{" + household + "}|cases:{" + caseId + "}"));
    }

    private String digest(long id, String link) {
        return jdbc.queryForObject("select access_log_digest(l, ?) from access_log l where id = ?", String.class, link, id);
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * Deletes entries (and, {@code withSeals}, their seals) as a superuser could (guards off), runs the check, and
     * puts the very same rows back.
     */
    private void removeAroundTheTriggers(String where, boolean withSeals, Call check) throws Exception {
        String saved = "access_log_removed_" + System.nanoTime();
        String seals = where.replace("id", "entry_id");
        jdbc.execute("create table " + saved + " as select * from access_log where " + where);
        jdbc.execute("create table " + saved + "_seals as select * from access_log_chain where " + seals);
        try {
            jdbc.execute("alter table access_log disable trigger access_log_append_only");
            jdbc.update("delete from access_log where " + where);
            jdbc.execute("alter table access_log enable trigger access_log_append_only");
            if (withSeals) {
                jdbc.execute("alter table access_log_chain disable trigger access_log_chain_append_only");
                jdbc.update("delete from access_log_chain where " + seals);
                jdbc.execute("alter table access_log_chain enable trigger access_log_chain_append_only");
            }
            check.run();
        } finally {
            jdbc.execute("alter table access_log enable trigger access_log_append_only");
            jdbc.execute("alter table access_log_chain enable trigger access_log_chain_append_only");
            // Put back, the entries are queued again; the sealer drops the queue row of an entry already sealed.
            jdbc.update("insert into access_log select * from " + saved + " on conflict do nothing");
            jdbc.execute("alter table access_log_chain disable trigger access_log_chain_by_the_sealer");
            jdbc.update("insert into access_log_chain select * from " + saved + "_seals on conflict do nothing");
            jdbc.execute("alter table access_log_chain enable trigger access_log_chain_by_the_sealer");
            jdbc.execute("drop table " + saved);
            jdbc.execute("drop table " + saved + "_seals");
        }
    }

    private long newestId() {
        return jdbc.queryForObject("select coalesce(max(id), 0) from access_log", Long.class);
    }

    @Test
    void thePrivacyOfficerAnswersWhoLookedAtThisHouseholdAndExportsIt() throws Exception {
        UUID caseId = openCaseInNoord();
        String householdId = getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach()).get("household").get("id").asText();

        JsonNode entries = getJson("/api/v1/access-log?householdId=" + householdId, TestUsers.privacyOfficer());
        assertThat(entries.findValuesAsText("username")).contains("frontoffice", "wijkcoach");
        assertThat(entries.findValuesAsText("householdId")).containsOnly(householdId);

        MvcResult export = export("householdId=" + householdId);
        assertThat(export.getResponse().getStatus()).isEqualTo(200);
        assertThat(export.getResponse().getContentType()).startsWith("text/csv");
        String csv = export.getResponse().getContentAsString();
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("id,tijdstip,gebruiker,rol,organisatie,huishouden");
        assertThat(parse(csv)).extracting(row -> row.get("gebruiker")).contains("wijkcoach");
        assertThat(parse(csv)).extracting(row -> row.get("huishouden")).containsOnly(householdId);
        assertThat(jdbc.queryForObject("select count(*) from access_log where household_id = ?::uuid and username = 'privacy' "
                + "and action = 'EXPORT'", Integer.class, householdId)).as("the export is itself logged").isEqualTo(1);
        getJson("/api/v1/access-log?caseId=" + caseId, TestUsers.privacyOfficer());
        assertThat(jdbc.queryForObject("select count(*) from access_log where household_id = ?::uuid and case_id = ? "
                + "and username = 'privacy' and data_category = 'ACCESS_LOG' and action = 'READ'", Integer.class, householdId, caseId))
                .as("a look by case is logged against its household too").isEqualTo(1);

        assertProblem(mvc.perform(get("/api/v1/access-log?householdId=nope").with(TestUsers.privacyOfficer())).andReturn(),
                400, "householdId");
        for (var user : List.of(TestUsers.wijkcoach(), TestUsers.manager(), TestUsers.admin(), TestUsers.procesregisseur())) {
            assertProblem(mvc.perform(get("/api/v1/access-log").with(user)).andReturn(), 403);
            assertProblem(mvc.perform(get("/api/v1/access-log/verification").with(user)).andReturn(), 403);
        }
    }

    @Test
    void everyCellThatASpreadsheetWouldRunAsAFormulaIsNeutralisedAndTheCsvParsesBack() throws Exception {
        UUID householdId = UUID.randomUUID();
        // What a token or free text could carry: each formula lead of OWASP's list, tab and carriage return included.
        List<String> dangerous = List.of("\t=cmd|' /C calc'!A0", "\r=HYPERLINK(\"http://x\")", "=1+1", "+31 6 12345678",
                "-2+3", "@SUM(A1:A2)");
        for (String value : dangerous) {
            logEntry(householdId, value, value, value);
        }
        logEntry(householdId, "wijkcoach", "team-noord", "Gewoon, met een \"aanhalingsteken\", komma\nen regel");

        MvcResult export = export("householdId=" + householdId);
        assertThat(export.getResponse().getStatus()).isEqualTo(200);
        List<CSVRecord> all = parse(export.getResponse().getContentAsString());
        List<CSVRecord> rows = all.stream().filter(row -> row.get("categorie").equals("CASE_FILE")).toList();

        assertThat(rows).hasSize(dangerous.size() + 1);
        assertThat(rows).extracting(row -> row.get("gebruiker")).containsAll(dangerous.stream().map(v -> "'" + v).toList())
                .contains("wijkcoach");
        assertThat(rows).extracting(row -> row.get("organisatie")).containsAll(dangerous.stream().map(v -> "'" + v).toList());
        assertThat(rows).extracting(row -> row.get("doel")).containsAll(dangerous.stream().map(v -> "'" + v).toList())
                .contains("Gewoon, met een \"aanhalingsteken\", komma\nen regel");
        for (CSVRecord row : all) {
            for (String cell : row) {
                assertThat(cell).as("cell of row " + row.getRecordNumber()).doesNotStartWith("=").doesNotStartWith("+")
                        .doesNotStartWith("-").doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
            }
        }
    }

    @Test
    void aLargeExportIsStreamedToTheResponseNotBuiltInMemory() throws Exception {
        UUID householdId = UUID.randomUUID();
        jdbc.update("""
                insert into access_log (username, user_role, organisation, household_id, data_category, action, purpose,
                                        outcome)
                select 'wijkcoach', 'wijkteam', 'team-noord', ?, 'CASE_FILE', 'READ', 'Regie ' || n, 'GRANTED'
                from generate_series(1, 2500) n""", householdId);

        MvcResult started = mvc.perform(get("/api/v1/access-log/export?householdId=" + householdId)
                .with(TestUsers.privacyOfficer())).andReturn();
        // The controller hands back a body that writes while it reads; nothing of the log is in the response yet.
        assertThat(started.getRequest().isAsyncStarted()).as("export answers with a streaming body").isTrue();
        assertThat(started.getResponse().getContentAsString()).isEmpty();

        MvcResult export = mvc.perform(asyncDispatch(started)).andReturn();
        assertThat(export.getResponse().getStatus()).isEqualTo(200);
        List<CSVRecord> rows = parse(export.getResponse().getContentAsString());
        // The export is logged before its first row is written, so it is the newest entry of its own export.
        assertThat(rows).hasSize(2501);
        assertThat(rows.get(0).get("handeling")).isEqualTo("EXPORT");
        assertThat(rows.get(0).get("gebruiker")).isEqualTo("privacy");
        assertThat(rows.subList(1, rows.size())).extracting(row -> row.get("doel")).contains("Regie 1", "Regie 2500")
                .hasSize(2500);
    }

    /** An export as the privacy officer, following the streaming body through to its end. */
    private MvcResult export(String query) throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/access-log/export?" + query).with(TestUsers.privacyOfficer())).andReturn();
        return result.getRequest().isAsyncStarted() ? mvc.perform(asyncDispatch(result)).andReturn() : result;
    }

    private static List<CSVRecord> parse(String csv) throws Exception {
        try (CSVParser parser = CSVParser.parse(csv, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return parser.getRecords();
        }
    }

    private void logEntry(UUID householdId, String username, String organisation, String purpose) {
        jdbc.update("""
                insert into access_log (username, user_role, organisation, household_id, data_category, action, purpose,
                                        outcome)
                values (?, 'wijkteam', ?, ?, 'CASE_FILE', 'READ', ?, 'GRANTED')""",
                username, organisation, householdId, purpose);
    }

    @Test
    void everyWriteOfPersonalDataLeavesItsEntry() throws Exception {
        organisations.ensure("ggz-breburg", "GGZ Breburg", OrganisationType.GGZ);
        UUID caseId = openCaseInNoord();
        logged(caseId, "wijkcoach", "ROUTE", "UPDATE", () ->
                step(caseId, "triage", TestUsers.wijkcoach(), triage("FULL_ROUTE", "MULTIPLE", false, null)));
        logged(caseId, "wijkcoach", "ASSESSMENT", "UPDATE", () -> assessFlaggedLeefgebieden(caseId));
        step(caseId, "vraagverheldering", TestUsers.wijkcoach(), Map.of("outcome", "TO_PLAN", "realQuestion", "Rust."));
        logged(caseId, "wijkcoach", "PLAN", "CREATE", () -> agreedPlan(caseId));
        logged(caseId, "wijkcoach", "PLAN", "UPDATE", () -> {
            JsonNode current = getJson("/api/v1/cases/" + caseId + "/plan", TestUsers.wijkcoach());
            expect(sendPlan(put("/api/v1/cases/" + caseId + "/plan"), Map.of("basedOnVersion", current.get("version").asInt(),
                    "goals", List.of(goal()))), 200);
        });
        logged(caseId, "wijkcoach", "REGIE", "UPDATE", () ->
                expect(as(post("/api/v1/cases/" + caseId + "/regie/take"), TestUsers.wijkcoach(), Map.of()), 200));
        String[] toegang = new String[2];
        logged(caseId, "wijkcoach", "TOEGANG", "CREATE", () -> {
            JsonNode request = read(expect(as(post("/api/v1/cases/" + caseId + "/toegang"), TestUsers.wijkcoach(),
                    Map.of("law", "WMO", "provision", "Begeleiding", "receivedOn", LocalDate.now(MunicipalTime.ZONE).toString())), 201));
            toegang[0] = request.get("id").asText();
            toegang[1] = request.get("deadlines").get(0).get("id").asText();
        });
        logged(caseId, "toegang", "TOEGANG", "UPDATE", () -> expect(as(post("/api/v1/deadlines/" + toegang[1] + "/suspend"),
                TestUsers.toegang(), Map.of("since", LocalDate.now(MunicipalTime.ZONE).toString(), "reason", "Wachten op stukken")), 200));
        String[] escalation = new String[1];
        logged(caseId, "wijkcoach", "ESCALATION", "CREATE", () -> escalation[0] = read(expect(as(
                post("/api/v1/cases/" + caseId + "/escalations"), TestUsers.wijkcoach(),
                Map.of("cause", "PARTIES_WAIT_FOR_EACH_OTHER", "description", "Partijen wachten.")), 201)).get("id").asText());
        logged(caseId, "procesregisseur", "ESCALATION", "UPDATE", () ->
                expect(as(post("/api/v1/escalations/" + escalation[0] + "/take"), TestUsers.procesregisseur(), Map.of()), 200));
        String[] handover = new String[1];
        logged(caseId, "wijkcoach", "HANDOVER", "CREATE", () -> handover[0] = read(expect(as(
                post("/api/v1/cases/" + caseId + "/handovers"), TestUsers.wijkcoach(), Map.of("scope", "REGIE",
                        "receiverOrganisation", "ggz-breburg", "consent", Map.of("basis", "CONSENT", "givenBy", "Anna",
                                "givenAt", java.time.Instant.now().minusSeconds(60).toString(), "form", "IN_GESPREK",
                                "leefgebieden", List.of("FINANCIEN")))), 201)).get("id").asText());
        logged(caseId, "partner-ggz", "HANDOVER", "UPDATE", () ->
                expect(as(post("/api/v1/handovers/" + handover[0] + "/accept"), TestUsers.partnerGgz(), Map.of()), 200));
        // Now GGZ holds the regie: its own reads of the case are in the log like anyone's.
        logged(caseId, "partner-ggz", "PLAN", "READ", () -> getJson("/api/v1/cases/" + caseId + "/plan", TestUsers.partnerGgz()));
    }

    private interface Call {
        void run() throws Exception;
    }

    private void logged(UUID caseId, String username, String category, String action, Call call) throws Exception {
        String sql = "select count(*) from access_log where case_id = ? and username = ? and data_category = ? and action = ?"
                + " and outcome = 'GRANTED'";
        int before = jdbc.queryForObject(sql, Integer.class, caseId, username, category, action);
        call.run();
        assertThat(jdbc.queryForObject(sql, Integer.class, caseId, username, category, action))
                .as(username + " " + action + " " + category).isGreaterThan(before);
    }

    private MvcResult as(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                         org.springframework.test.web.servlet.request.RequestPostProcessor user, Object body) throws Exception {
        return mvc.perform(request.with(user).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andReturn();
    }

    private static MvcResult expect(MvcResult result, int status) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
        return result;
    }

    private UUID caseAtPlan() throws Exception {
        UUID caseId = openCaseInNoord();
        step(caseId, "triage", TestUsers.wijkcoach(), triage("FULL_ROUTE", "MULTIPLE", false, null));
        assessFlaggedLeefgebieden(caseId);
        step(caseId, "vraagverheldering", TestUsers.wijkcoach(), Map.of("outcome", "TO_PLAN", "realQuestion", "Rust."));
        return caseId;
    }

    private static Map<String, Object> goal() {
        return Map.of("leefgebied", "FINANCIEN", "description", "Grip op geld", "result", "Regeling",
                "targetDate", LocalDate.now(MunicipalTime.ZONE).plusMonths(6).toString(),
                "actions", List.of(Map.of("description", "Budgetcoach", "ownerType", "HOUSEHOLD", "status", "PLANNED")));
    }

    private MvcResult sendPlan(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                               Map<String, Object> body) throws Exception {
        return mvc.perform(request.with(TestUsers.wijkcoach()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))).andReturn();
    }

    /**
     * Privacy review of decision 0065: PostgreSQL looks names up in a session's temporary schema first, so a temporary
     * table named access_log_chain could stand in for the chain's head inside the trigger and have a seal far ahead
     * (here: at the largest position, which would stop every later seal) accepted. V74 has the chain's functions resolve
     * their names in pg_catalog and public only. On a connection of its own, so the temporary table leaves with it.
     */
    @Test
    void aTemporaryTableNamedLikeTheChainCannotStandInForItsHead() throws Exception {
        synchronized (AopTestUtils.<AccessLogSealer>getUltimateTargetObject(sealer)) {
            long victim = jdbc.queryForObject("""
                    insert into access_log (username, user_role, data_category, action, purpose, outcome)
                    values ('wijkcoach', 'wijkteam', 'CASE_FILE', 'READ', 'Regie', 'GRANTED') returning id""", Long.class);
            String url = dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).getJdbcUrl();
            String user = dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).getUsername();
            String password = dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).getPassword();
            try (java.sql.Connection writer = java.sql.DriverManager.getConnection(url, user, password);
                 java.sql.Statement statement = writer.createStatement()) {
                statement.execute("create temp table access_log_chain (entry_id bigint, chain_position bigint,"
                        + " previous_hash char(64), hash char(64))");
                statement.execute("insert into access_log_chain values (0, 9223372036854775806, repeat('0', 64), repeat('f', 64))");
                assertThatThrownBy(() -> statement.execute("insert into public.access_log_chain (entry_id, chain_position)"
                        + " values (" + victim + ", 9223372036854775807)")).hasMessageContaining("append-only");
            }
            assertThat(jdbc.queryForObject("select count(*) from access_log_chain where entry_id = ?", Integer.class, victim))
                    .isZero();
            sealer.seal();
        }
        assertThat(sealer.verify().intact()).isTrue();
    }

    private int entries(UUID caseId, String category, String action) {
        return jdbc.queryForObject("select count(*) from access_log where case_id = ? and data_category = ? and action = ?",
                Integer.class, caseId, category, action);
    }
}
