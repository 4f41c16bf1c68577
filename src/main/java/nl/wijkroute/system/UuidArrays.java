package nl.wijkroute.system;

import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A list of ids as PostgreSQL's {@code uuid[]} text ({@code {a,b}}; UUIDs need no quoting), bound as one text
 * parameter and cast in the statement ({@code cast(? as uuid[])}): the same parameter type for any number of ids,
 * so the driver keeps one prepared statement (decision 0063), and no array object to make on the connection.
 */
public final class UuidArrays {

    private UuidArrays() {
    }

    public static String literal(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }
}
