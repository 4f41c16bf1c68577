package nl.wijkroute.privacy.accesslog;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the access log tamper-evident after the fact, so that writing an entry takes no lock shared by
 * all requests (decision 0031). Every few seconds (and before each verification) it chains the committed
 * entries waiting in the queue, in id order after the current head, in the database ({@code access_log_seal},
 * V65): each gets a narrow seal row of its own in {@code access_log_chain}, the entry itself is never
 * rewritten (decision 0059). It exports the newest seal outside the table: to the application log (a hash
 * and a position are not personal data) and to a file. A chain that has been cut off at the end is
 * internally consistent; only the exported seal shows that it once reached further.
 */
@Component
public class AccessLogSealer {

    /** The newest sealed entry: its place in the chain, its id and its hash. */
    public record Seal(long position, long id, String hash) {
    }

    private static final Logger log = LoggerFactory.getLogger(AccessLogSealer.class);
    private static final int BATCH = 5_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final AccessLogQueries queries;
    private final Path sealFile;

    AccessLogSealer(JdbcTemplate jdbc, PlatformTransactionManager transactions, AccessLogQueries queries,
                    @Value("${wijkroute.access-log.seal-file}") String sealFile) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.sealFile = Path.of(sealFile).toAbsolutePath();
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Scheduled(fixedDelayString = "${wijkroute.access-log.seal-every:PT2S}")
    @SchedulerLock(name = "access-log-seal", lockAtMostFor = "PT5M", lockAtLeastFor = "PT1S")
    public void sealOnSchedule() {
        seal();
    }

    /**
     * Every hour, the sweep a verification does: an entry whose queue row was removed (by hand, in the database)
     * would otherwise wait unsealed until the next verification; now it waits an hour at most.
     */
    @Scheduled(cron = "${wijkroute.access-log.sweep-cron:0 23 * * * *}")
    @SchedulerLock(name = "access-log-sweep", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public void sweepOnSchedule() {
        seal(true);
    }

    /** Seals every entry committed so far; returns the newest seal, if anything is sealed at all. */
    public Optional<Seal> seal() {
        return seal(false);
    }

    /**
     * With {@code sweep} the database first queues again every entry that is neither sealed nor queued (its
     * queue row removed by hand); that takes a scan of the whole log, so only a verification and the hourly sweep
     * ask for it.
     */
    private synchronized Optional<Seal> seal(boolean sweep) {
        Seal head = null;
        int taken;
        int total = 0;
        boolean first = true;
        do {
            // One transaction per batch: a long backlog does not hold its row locks until the very end. The sweep, if
            // asked for, goes with the first.
            boolean sweepNow = sweep && first;
            var result = ownTransaction.execute(status -> jdbc.queryForMap("select * from access_log_seal(?, ?)",
                    BATCH, sweepNow));
            taken = ((Number) result.get("taken")).intValue();
            total += ((Number) result.get("sealed")).intValue();
            if (result.get("head_position") != null) {
                head = new Seal(((Number) result.get("head_position")).longValue(),
                        ((Number) result.get("head_id")).longValue(), (String) result.get("head_hash"));
            }
            first = false;
        } while (taken == BATCH);
        if (total > 0) {
            log.info("Access log sealed: {} entries, head position {} (entry {}) hash {}", total, head.position(),
                    head.id(), head.hash());
            export(head);
        }
        return Optional.ofNullable(head);
    }

    /** Seals what has been committed, then verifies the chain against the table and the exported seal. */
    public AccessLogQueries.Verification verify() {
        try {
            seal(true);
        } catch (RuntimeException e) {
            // A verification still answers when sealing fails (it then reports the unsealed entries).
            log.error("Access log could not be sealed before verification", e);
        }
        return queries.verify(exported());
    }

    /** The newest seal written outside the table, if any. */
    public Optional<Seal> exported() {
        if (!Files.exists(sealFile)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(sealFile, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(new Seal(Long.parseLong(properties.getProperty("position")),
                Long.parseLong(properties.getProperty("id")), properties.getProperty("hash")));
    }

    /**
     * Moves the exported seal forward, but only along an intact chain: when the previous export is no
     * longer in the table the end was cut off or rewritten, and the old export stays as the evidence.
     */
    private void export(Seal head) {
        Optional<Seal> previous = exported();
        if (previous.isPresent() && !jdbc.queryForList("select hash from access_log_chain where chain_position = ?",
                String.class, previous.get().position()).contains(previous.get().hash())) {
            log.error("Access log no longer contains the exported seal at position {} (hash {}): the log was cut off "
                    + "or rewritten; the exported seal is kept", previous.get().position(), previous.get().hash());
            return;
        }
        Properties properties = new Properties();
        properties.setProperty("position", Long.toString(head.position()));
        properties.setProperty("id", Long.toString(head.id()));
        properties.setProperty("hash", head.hash());
        try {
            Files.createDirectories(sealFile.getParent());
            Path written = Files.createTempFile(sealFile.getParent(), "access-log-seal", ".tmp");
            try (Writer writer = Files.newBufferedWriter(written, StandardCharsets.UTF_8)) {
                properties.store(writer, "Newest seal of the access log (decision 0031)");
            }
            Files.move(written, sealFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // The seal is in the application log as well; a full disk must not stop the sealing itself.
            log.error("Access log seal could not be written to {}", sealFile, e);
        }
    }
}
