package nl.wijkroute.privacy.retention;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.wijkroute.system.UuidArrays;

/**
 * SPI of retention and erasure (decision 0052): a module that keeps names, numbers or free text about a
 * household implements this as a Spring bean and erases its own columns; {@code PersonalDataEraser} calls every
 * implementation in the erasure's transaction. Rows are kept with their ids, stages, times, scores, leefgebieden,
 * laws and outcomes, so every count the dashboard makes stays the same (decision 0019 lists what goes per table).
 * The dependency points from the capability to retention, so retention needs to know none of them.
 *
 * <p>Erasure may rewrite what the capabilities keep as history: the append-only triggers let it through for the
 * rest of the transaction ({@code wijkroute.erasure} is on while the holders run). Plain SQL is fine for that:
 * the entities refuse changes to what they consider history.
 */
public interface PersonalDataHolder {

    /** What replaces free text that must stay non-empty. */
    String ERASED_TEXT = "[verwijderd]";

    /**
     * Erases the case files of the household's closed cases ({@link Erasure#closedCases()}, never empty when
     * called): everything but the toegang decisions and the household's identity.
     */
    void eraseCaseFiles(Erasure erasure);

    /**
     * Erases what stays after the case files went, for a household without a case in progress: called after
     * {@link #eraseCaseFiles} of every holder. Most holders keep nothing more.
     */
    default void eraseEverything(Erasure erasure) {
    }

    /**
     * One household's erasure.
     *
     * @param householdId the household
     * @param closedCases its closed cases
     * @param allCases    all its cases (the same as the closed ones when nothing is running)
     * @param now         the erasure's time
     */
    record Erasure(UUID householdId, List<UUID> closedCases, List<UUID> allCases, Instant now) {

        /** The closed cases as one {@code uuid[]} literal: {@code case_id = any(cast(? as uuid[]))}. */
        public String closedCasesArray() {
            return UuidArrays.literal(closedCases);
        }

        /** All cases as one {@code uuid[]} literal. */
        public String allCasesArray() {
            return UuidArrays.literal(allCases);
        }
    }

    /**
     * Free text in stored JSON (plan, veiligheidsplan, doorbraak): the same document with its free text replaced
     * and its name lists emptied; structure and ids stay.
     */
    static String scrubJson(String json) {
        try {
            JsonNode tree = JsonScrub.MAPPER.readTree(json);
            JsonScrub.scrub(tree);
            return JsonScrub.MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON cannot be read", e);
        }
    }

    /** The keys {@link #scrubJson} empties. */
    final class JsonScrub {

        private static final ObjectMapper MAPPER = new ObjectMapper();
        /** Keys in plan, veiligheidsplan and doorbraak JSON whose text describes people or their situation. */
        private static final Set<String> FREE_TEXT_KEYS = Set.of("description", "result", "agreedBy", "decision", "note",
                // veiligheidsplan: the veiligheidsvoorwaarden and who checks them (often someone of the network)
                "condition", "howChecked", "checkedBy");
        /** Keys in JSON that list people by name (a veiligheidsplan's agreedBy is a list of named parties). */
        private static final Set<String> NAME_LIST_KEYS = Set.of("participants", "agreedBy");

        private JsonScrub() {
        }

        private static void scrub(JsonNode node) {
            if (node instanceof ObjectNode object) {
                for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (FREE_TEXT_KEYS.contains(field.getKey()) && field.getValue().isTextual()) {
                        field.setValue(object.textNode(ERASED_TEXT));
                    } else if (NAME_LIST_KEYS.contains(field.getKey()) && field.getValue().isArray()) {
                        field.setValue(object.arrayNode());
                    } else {
                        scrub(field.getValue());
                    }
                }
            } else if (node instanceof ArrayNode array) {
                array.forEach(JsonScrub::scrub);
            }
        }
    }
}
