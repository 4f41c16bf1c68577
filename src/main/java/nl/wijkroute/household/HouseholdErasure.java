package nl.wijkroute.household;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The household's part of retention and erasure (decision 0019), called by privacy.retention in its transaction:
 * the household's own service, since household may depend on nothing but system (decision 0052). Plain SQL on
 * the household's own tables: the erasure marks are not part of the entity.
 */
@Service
public class HouseholdErasure {

    public static final String ERASED_MEMBER_NAME = "Geanonimiseerd";
    public static final String ERASED_HOUSEHOLD_NAME = "Geanonimiseerd huishouden";

    private final JdbcTemplate jdbc;

    HouseholdErasure(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What has been erased of a household so far. */
    public record Marks(Instant caseFileErasedAt, Instant personalDataErasedAt) {
    }

    /**
     * Locks the household for the rest of the transaction. FOR UPDATE also conflicts with the key-share
     * lock a new case's foreign key takes, so no signal can open a case while it is being erased.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Marks> lock(UUID householdId) {
        return jdbc.query("select case_file_erased_at, personal_data_erased_at from household where id = ? for update",
                (row, n) -> new Marks(instant(row.getObject("case_file_erased_at")),
                        instant(row.getObject("personal_data_erased_at"))), householdId).stream().findFirst();
    }

    /** Notes that all of the household's case files are erased (the first time counts). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markCaseFilesErased(UUID householdId, Instant now) {
        jdbc.update("update household set case_file_erased_at = coalesce(case_file_erased_at, ?), version = version + 1 where id = ?",
                Timestamp.from(now), householdId);
    }

    /** The household's identity: names, BSNs, birth dates to the year, postcode. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void eraseIdentity(UUID householdId, Instant now) {
        // 1 January of the birth year: ages stay countable in years, the person is no longer findable.
        jdbc.update("""
                update household_member set given_name = ?, family_name = ?, bsn = null,
                                            birth_date = make_date(extract(year from birth_date)::int, 1, 1)
                where household_id = ?
                """, ERASED_MEMBER_NAME, ERASED_MEMBER_NAME, householdId);
        jdbc.update("""
                update household set display_name = ?, postcode = null, personal_data_erased_at = ?, version = version + 1
                where id = ?
                """, ERASED_HOUSEHOLD_NAME, Timestamp.from(now), householdId);
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant()
                : value instanceof OffsetDateTime offset ? offset.toInstant() : null;
    }
}
