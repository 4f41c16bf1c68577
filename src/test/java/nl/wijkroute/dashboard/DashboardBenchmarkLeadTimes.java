package nl.wijkroute.dashboard;

import java.util.Comparator;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * For the dashboard benchmark (another package): the lead times of a period from the counts per duration bucket and
 * from the live statement, side by side on the large history (decision 0064), in one transaction each.
 */
public final class DashboardBenchmarkLeadTimes {

    private DashboardBenchmarkLeadTimes() {
    }

    /** Both answers, rows in one order: {@code [fromCounts, live]}. */
    public static List<List<String>> both(ApplicationContext context, DashboardFilter filter) {
        DashboardQueries queries = context.getBean(DashboardQueries.class);
        TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        transaction.setReadOnly(true);
        List<String> fromCounts = transaction.execute(status -> rows(queries.leadTimes(filter)));
        List<String> live = transaction.execute(status -> rows(queries.leadTimesLive(filter)));
        return List.of(fromCounts, live);
    }

    private static List<String> rows(List<DashboardQueries.Row> rows) {
        return rows.stream().sorted(Comparator.comparing(DashboardQueries.Row::key))
                .map(row -> row.key() + " " + row.count() + " " + row.first() + " " + row.second()).toList();
    }
}
