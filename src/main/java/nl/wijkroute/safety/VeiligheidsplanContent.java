package nl.wijkroute.safety;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What one veiligheidsplan version says: the veiligheidsvoorwaarden per member — who, what must be true,
 * how it is checked and by whom — and whether (and with whom of the household and its network) this
 * version was agreed. Stored as JSON in veiligheidsplan_version.content; never changed after it is written.
 */
public record VeiligheidsplanContent(List<Voorwaarde> voorwaarden, Agreement agreement) {

    /**
     * One veiligheidsvoorwaarde.
     *
     * @param memberId  the household member it is about (whose safety, or whose behaviour)
     * @param condition what must be true ("er wordt niet geslagen", "vader komt niet in huis")
     * @param howChecked how the team knows it is true (huisbezoek, contact met school, ...)
     * @param checkedBy who checks it
     * @param setBy     the team with the household, or Veilig Thuis when it handed the case back
     */
    public record Voorwaarde(UUID id, UUID memberId, String condition, String howChecked, String checkedBy, SetBy setBy) {
    }

    public enum SetBy { TEAM, VEILIG_THUIS }

    /** Who agreed: members of the household and people of their network, each by name. */
    public record Agreement(Instant agreedAt, List<Party> agreedBy, String recordedBy) {
    }

    public record Party(@NotBlank @Size(max = 200) String name, @NotNull PartyKind kind) {
    }

    public enum PartyKind { HUISHOUDEN, NETWERK }
}
