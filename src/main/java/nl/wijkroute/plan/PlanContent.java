package nl.wijkroute.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.wijkroute.household.Leefgebied;

/**
 * What one plan version says: goals per leefgebied with a concrete result and target date, the
 * actions and who owns them, and whether (and how) the household agreed to this version.
 * Stored as JSON in plan_version.content; never changed after it is written.
 */
public record PlanContent(List<Goal> goals, Agreement agreement) {

    /**
     * @param sharedWithHousehold whether every member of the household sees this goal in their own view (/me/plan).
     *                            Unset (a request that does not say, a version written before the marker existed):
     *                            a goal about one member is that member's, a goal without a member is the household's.
     */
    public record Goal(UUID id, Leefgebied leefgebied, UUID memberId, String description, String result,
                       LocalDate targetDate, List<Action> actions, Boolean sharedWithHousehold) {

        public Goal {
            if (sharedWithHousehold == null) {
                sharedWithHousehold = memberId == null;
            }
        }

        /** A goal with the default marker (see above). */
        public Goal(UUID id, Leefgebied leefgebied, UUID memberId, String description, String result,
                    LocalDate targetDate, List<Action> actions) {
            this(id, leefgebied, memberId, description, result, targetDate, actions, null);
        }

        Goal withTargetDate(LocalDate date) {
            return new Goal(id, leefgebied, memberId, description, result, date, actions, sharedWithHousehold);
        }

        Goal withActions(List<Action> newActions) {
            return new Goal(id, leefgebied, memberId, description, result, targetDate, newActions, sharedWithHousehold);
        }
    }

    public record Action(UUID id, String description, OwnerType ownerType, String organisationId, String professional,
                         ActionStatus status) {

        Action withStatus(ActionStatus newStatus) {
            return new Action(id, description, ownerType, organisationId, professional, newStatus);
        }
    }

    /** The household's agreement with this version (gedeelde besluitvorming). */
    public record Agreement(Instant agreedAt, AgreementForm form, String agreedBy, String recordedBy) {
    }

    /** Who does an action: a partner organisation (and professional), the household, its network or the wijkteam. */
    public enum OwnerType { PARTNER, HOUSEHOLD, NETWORK, WIJKTEAM }

    /**
     * PLANNED → IN_PROGRESS (started) → DONE, or CANCELLED (stopped, with a reason). As written in a version it
     * is the status when that version was written; the owner's later reports live beside it (decision 0043).
     */
    public enum ActionStatus { PLANNED, IN_PROGRESS, DONE, CANCELLED }

    public enum AgreementForm { IN_GESPREK, TELEFONISCH, VIDEO, SCHRIFTELIJK }

    PlanContent withAgreement(Agreement agreement) {
        return new PlanContent(goals, agreement);
    }
}
