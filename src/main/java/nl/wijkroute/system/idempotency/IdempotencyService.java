package nl.wijkroute.system.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Supplier;
import nl.wijkroute.system.UuidArrays;
import nl.wijkroute.system.problem.ConflictException;
import nl.wijkroute.system.problem.UnprocessableInputException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes a create request safe to retry (IETF HTTPAPI Idempotency-Key draft). The key is claimed with an
 * insert in the same transaction as the effect, so a retry after commit gets the stored response. A
 * retry while the first request is still in flight is answered 409 at once (it would otherwise queue
 * behind the first and hold a connection); the same key with a different body is 422, so a client bug
 * never silently returns a stale result. Keys are forgotten after their lifetime ({@link IdempotencyCleanup}).
 */
@Service
public class IdempotencyService {

    public static final String HEADER = "Idempotency-Key";

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;
    private final ObjectMapper canonical;
    private final Clock clock;

    IdempotencyService(JdbcTemplate jdbc, ObjectMapper objectMapper, Clock clock) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
        this.clock = clock;
        this.canonical = JsonMapper.builder().findAndAddModules()
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
    }

    public record Outcome<T>(int status, T body, boolean replayed) {
    }

    /**
     * Forgets the stored answers that mention one of these ids (retention, decision 0019): the answers hold only
     * ids, but the request hash is derived from names and free text. Called in the erasure's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void forgetAnswersMentioning(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.update("""
                delete from idempotency_record r
                where exists (select 1 from unnest(cast(? as uuid[])) i where position(i::text in r.response_body) > 0)
                """, UuidArrays.literal(ids));
    }

    @Transactional
    public <T> Outcome<T> execute(String clientId, String key, Object request, int successStatus, Class<T> responseType,
                                  Supplier<T> action) {
        String hash = hash(request);
        // The key's advisory lock is held by the transaction working on it until that commits: not getting it
        // means the first request with this key is still in flight. Lock and claim in one statement (decision
        // 0075): the insert reads the lock's row, so it runs after the lock and only if the lock was free.
        KeyClaim claim = jdbc.queryForObject("""
                with key_lock as (select pg_try_advisory_xact_lock(?) as free),
                     claimed as (insert into idempotency_record (client_id, idempotency_key, request_hash, created_at)
                                 select ?, ?, ?, ? from key_lock where free
                                 on conflict do nothing returning 1)
                select free, exists (select 1 from claimed) as claimed from key_lock
                """, (rs, row) -> new KeyClaim(rs.getBoolean("free"), rs.getBoolean("claimed")),
                lockKey(clientId, key), clientId, key, hash, Timestamp.from(clock.instant()));
        if (!claim.free()) {
            throw new ConflictException("Een verzoek met deze Idempotency-Key is nog in behandeling; probeer het zo opnieuw.");
        }
        if (claim.claimed()) {
            T response = action.get();
            jdbc.update("update idempotency_record set response_status = ?, response_body = ? where client_id = ? and idempotency_key = ?",
                    successStatus, write(response), clientId, key);
            return new Outcome<>(successStatus, response, false);
        }
        return jdbc.query("select request_hash, response_status, response_body from idempotency_record where client_id = ? and idempotency_key = ?",
                rs -> {
                    rs.next();
                    if (!hash.equals(rs.getString("request_hash"))) {
                        throw new UnprocessableInputException(HEADER,
                                "Deze Idempotency-Key is al gebruikt voor een ander verzoek; gebruik een nieuwe sleutel.");
                    }
                    String body = rs.getString("response_body");
                    if (body == null) {
                        throw new ConflictException("Een verzoek met deze Idempotency-Key is nog in behandeling.");
                    }
                    return new Outcome<>(rs.getInt("response_status"), read(body, responseType), true);
                }, clientId, key);
    }

    /** Whether the key's lock was free, and whether this request then claimed the key (no answer stored under it yet). */
    private record KeyClaim(boolean free, boolean claimed) {
    }

    /** One 64-bit advisory lock key per client and key (the first bytes of their SHA-256). */
    private static long lockKey(String clientId, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((clientId + '\n' + key).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("No SHA-256", e);
        }
    }

    private String hash(Object request) {
        try {
            byte[] json = canonical.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash request", e);
        }
    }

    private String write(Object response) {
        try {
            return objectMapper.writeValueAsString(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store response", e);
        }
    }

    private <T> T read(String body, Class<T> type) {
        try {
            return objectMapper.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read stored response", e);
        }
    }
}
