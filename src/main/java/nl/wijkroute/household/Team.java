package nl.wijkroute.household;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A wijkteam. Its id doubles as the candidate group of the route tasks it picks up. */
@Entity
@Table(name = "team")
public class Team {

    @Id
    private String id;

    private String name;

    protected Team() {
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
