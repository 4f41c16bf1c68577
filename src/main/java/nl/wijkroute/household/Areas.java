package nl.wijkroute.household;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The municipality's teams and the wijken they serve, for other modules' filters (the dashboard's):
 * household owns these tables, so others read them here, not with their own SQL.
 */
@Service
public class Areas {

    public record TeamEntry(String id, String name) {
    }

    public record WijkEntry(String id, String name, String team) {
    }

    private final JdbcTemplate jdbc;

    Areas(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<TeamEntry> teams() {
        return jdbc.query("select id, name from team order by name",
                (row, i) -> new TeamEntry(row.getString("id"), row.getString("name")));
    }

    /** Whether this id is a team's: organisations share the handover receivers' namespace with teams (V39, V49). */
    public boolean isTeam(String id) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from team where id = ?)", Boolean.class, id));
    }

    public List<WijkEntry> wijken() {
        return jdbc.query("select id, name, team_id from wijk order by name",
                (row, i) -> new WijkEntry(row.getString("id"), row.getString("name"), row.getString("team_id")));
    }
}
