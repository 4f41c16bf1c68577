package nl.wijkroute.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import nl.wijkroute.privacy.accesslog.AccessLog;
import nl.wijkroute.privacy.accesslog.AccessLogEntry;
import nl.wijkroute.privacy.accesslog.AccessLogSealer;
import nl.wijkroute.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.AopTestUtils;

/**
 * What an access-log entry costs PostgreSQL (issue 14, decision 0059): WAL bytes written to insert entries and to
 * seal them, for single-case entries and for list entries, and that sealing leaves the entry rows as they were
 * written (no second version of a wide row, no second entry in each of its indexes). WAL bytes are independent of
 * the machine's load, unlike times; the numbers are printed for docs/performance.md.
 */
class AccessLogWriteCostTest extends ApiTestSupport {

    private static final int SINGLE = 300;
    private static final int LISTS = 60;
    private static final int LISTED = 100;

    @Autowired
    AccessLog accessLog;

    @Autowired
    AccessLogSealer sealer;

    @Test
    void sealingLeavesTheEntryRowsAsWrittenAndTheWalPerEntryIsReported() {
        // Holding the sealer's monitor keeps the scheduled sealer (every 2 s) out of the measured phases.
        synchronized (AopTestUtils.<AccessLogSealer>getUltimateTargetObject(sealer)) {
            sealer.seal();
            Cost singleInsert = measure(() -> IntStream.range(0, SINGLE).forEach(i -> accessLog.record(List.of(single()))));
            List<String> singleRows = rowVersions(SINGLE);
            Cost singleSeal = measure(sealer::seal);
            List<String> singleRowsSealed = rowVersions(SINGLE);

            Cost listInsert = measure(() -> IntStream.range(0, LISTS).forEach(i -> accessLog.record(List.of(list()))));
            List<String> listRows = rowVersions(LISTS);
            Cost listSeal = measure(sealer::seal);
            List<String> listRowsSealed = rowVersions(LISTS);

            report("single-case entry", SINGLE, singleInsert, singleSeal);
            report("list entry (" + LISTED + " cases)", LISTS, listInsert, listSeal);
            assertThat(singleRowsSealed).as("sealing writes no new version of a single-case entry").isEqualTo(singleRows);
            assertThat(listRowsSealed).as("sealing writes no new version of a list entry").isEqualTo(listRows);
        }
    }

    private record Cost(long walBytes, long indexBytes, long millis) {
    }

    /**
     * WAL written (the LSN moved) and index bytes grown while {@code work} runs, starting from a checkpoint so that
     * every phase pays the full-page images of the pages it is the first to touch, as it would in production.
     */
    private Cost measure(Runnable work) {
        jdbc.execute("checkpoint");
        String lsn = jdbc.queryForObject("select pg_current_wal_insert_lsn()::text", String.class);
        long indexes = indexBytes();
        long started = System.nanoTime();
        work.run();
        long millis = (System.nanoTime() - started) / 1_000_000;
        long wal = jdbc.queryForObject("select pg_current_wal_insert_lsn() - ?::pg_lsn", Long.class, lsn);
        return new Cost(wal, indexBytes() - indexes, millis);
    }

    /** Every index of the access log and of the tables its seal is kept in. */
    private long indexBytes() {
        return jdbc.queryForObject("""
                select coalesce(sum(pg_relation_size(indexrelid)), 0) from pg_index
                where indrelid in (select oid from pg_class where relname like 'access\\_log%' and relkind = 'r')""",
                Long.class);
    }

    /** Where the newest rows are stored, and by which transaction: a rewritten row moves and gets a new xmin. */
    private List<String> rowVersions(int newest) {
        return jdbc.queryForList("select id || ' ' || ctid::text || ' ' || xmin::text from access_log order by id desc limit ?",
                String.class, newest);
    }

    private static void report(String kind, int entries, Cost insert, Cost seal) {
        System.out.printf("[access-log cost] %-26s insert: %6d WAL bytes/entry, %5d index bytes/entry, %5.2f ms/entry;"
                        + " seal: %6d WAL bytes/entry, %5d index bytes/entry, %5.2f ms/entry%n", kind,
                insert.walBytes() / entries, insert.indexBytes() / entries, insert.millis() / (double) entries,
                seal.walBytes() / entries, seal.indexBytes() / entries, seal.millis() / (double) entries);
    }

    private static AccessLogEntry single() {
        return new AccessLogEntry("wijkcoach", "wijkteam", "team-noord", UUID.randomUUID(), UUID.randomUUID(), "CASE_FILE",
                "READ", "Regie op de casus door het wijkteam", AccessLogEntry.Outcome.GRANTED, false,
                "0b7e3c0a-7d8e-4a37-9d1e-6f3a1c2b4d5e");
    }

    private static AccessLogEntry list() {
        List<UUID> households = new ArrayList<>();
        List<UUID> cases = new ArrayList<>();
        for (int i = 0; i < LISTED; i++) {
            households.add(UUID.randomUUID());
            cases.add(UUID.randomUUID());
        }
        return single().listing(households, cases);
    }
}
