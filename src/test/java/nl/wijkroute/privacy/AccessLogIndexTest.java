package nl.wijkroute.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.wijkroute.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every query that reads the access log finds its entries through an index on a filled table, with the indexes of
 * decision 0059: partial per kind of entry (a single-case entry or a list entry), a BRIN index for the period, none
 * for user_id. The table is filled in a transaction that is rolled back: the shared test database stays as it was.
 */
class AccessLogIndexTest extends ApiTestSupport {

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void eachReaderOfTheLogUsesAnIndexOnAFilledTable() {
        TransactionTemplate rolledBack = new TransactionTemplate(transactions);
        rolledBack.executeWithoutResult(status -> {
            status.setRollbackOnly();
            // 40,000 entries over a year in time order: nine in ten about one case (3,000 households), one in ten a
            // list of 20 of them; 500 users.
            jdbc.update("""
                    insert into access_log (logged_at, username, user_role, organisation, household_id, case_id,
                                            data_category, action, purpose, outcome, break_glass, household_ids, case_ids)
                    select timestamptz '2025-01-01' + n * interval '13 minutes', 'user-' || (n % 500), 'wijkteam',
                           'team-noord',
                           case when n % 10 <> 0 then md5('h' || (n % 3000)::text)::uuid end,
                           case when n % 10 <> 0 then md5('c' || (n % 3000)::text)::uuid end,
                           'CASE_FILE', 'READ', 'Regie', 'GRANTED', n % 97 = 0,
                           case when n % 10 = 0 then array(select md5('h' || ((n + k * 131) % 3000)::text)::uuid
                                                           from generate_series(1, 20) k) end,
                           case when n % 10 = 0 then array(select md5('c' || ((n + k * 131) % 3000)::text)::uuid
                                                           from generate_series(1, 20) k) end
                    from generate_series(1, 40000) n""");
            jdbc.execute("analyze access_log");
            jdbc.queryForList("select brin_summarize_new_values('access_log_time')");
            String household = uuid("h", 17);
            String caseId = uuid("c", 17);

            // The officer's page (order by id desc limit 20) may also walk the primary key backwards when the planner
            // expects the household's entries to be dense: an index either way; its filter alone must use the two.
            Map<String, String> queries = Map.of(
                    "privacy officer, by household (page)", """
                            select * from access_log where true and (household_id = '%1$s'
                            or household_ids @> array['%1$s']::uuid[]) order by id desc limit 20""".formatted(household),
                    "privacy officer, by household", """
                            select count(*) from access_log where true and (household_id = '%1$s'
                            or household_ids @> array['%1$s']::uuid[])""".formatted(household),
                    "privacy officer, by case", """
                            select count(*) from access_log where true and (case_id = '%1$s'
                            or case_ids @> array['%1$s']::uuid[])""".formatted(caseId),
                    "privacy officer, by user", "select count(*) from access_log where true and username = 'user-7'",
                    "privacy officer, by period", """
                            select count(*) from access_log where true and logged_at >= '2025-06-01'
                            and logged_at < '2025-06-02'""",
                    "resident, who looked at my household", """
                            select count(*) from privacy_accesslog_granted_access_view
                            where (household_id = '%1$s' or household_ids @> array['%1$s']::uuid[])
                            and user_role <> 'inwoner'""".formatted(household),
                    "break-the-glass review, accesses per grant", """
                            select count(*) from privacy_accesslog_break_glass_view l where l.username = 'user-7'
                            and (l.case_id = '%1$s' or l.case_ids @> array['%1$s']::uuid[])
                            and l.logged_at between '2025-03-01' and '2025-03-02'""".formatted(caseId));
            Map<String, List<String>> expected = Map.of(
                    "privacy officer, by household (page)", List.of("access_log_"),
                    "privacy officer, by household", List.of("access_log_household ", "access_log_households"),
                    "privacy officer, by case", List.of("access_log_case ", "access_log_cases"),
                    "privacy officer, by user", List.of("access_log_user"),
                    "privacy officer, by period", List.of("access_log_time"),
                    "resident, who looked at my household", List.of("access_log_household ", "access_log_households"),
                    "break-the-glass review, accesses per grant", List.of("access_log_"));
            queries.forEach((name, sql) -> {
                String plan = jdbc.queryForList("explain " + sql, String.class).stream().collect(Collectors.joining("\n"));
                System.out.println("[access-log plan] " + name + "\n" + plan);
                assertThat(plan).as(name).doesNotContainPattern("Seq Scan on access_log\\b");
                expected.get(name).forEach(index -> assertThat(plan + " ").as(name).contains(index));
            });
        });
    }

    private String uuid(String kind, int n) {
        return jdbc.queryForObject("select md5(? || ?::text)::uuid::text", String.class, kind, n);
    }
}
