package nl.wijkroute.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/** Compares two plan versions goal by goal and action by action (by id), field by field. */
final class PlanDiffer {

    private static final Map<String, Function<PlanContent.Goal, Object>> GOAL_FIELDS = new LinkedHashMap<>();
    private static final Map<String, Function<PlanContent.Action, Object>> ACTION_FIELDS = new LinkedHashMap<>();

    static {
        GOAL_FIELDS.put("leefgebied", PlanContent.Goal::leefgebied);
        GOAL_FIELDS.put("memberId", PlanContent.Goal::memberId);
        GOAL_FIELDS.put("description", PlanContent.Goal::description);
        GOAL_FIELDS.put("result", PlanContent.Goal::result);
        GOAL_FIELDS.put("targetDate", PlanContent.Goal::targetDate);
        GOAL_FIELDS.put("sharedWithHousehold", PlanContent.Goal::sharedWithHousehold);
        ACTION_FIELDS.put("description", PlanContent.Action::description);
        ACTION_FIELDS.put("ownerType", PlanContent.Action::ownerType);
        ACTION_FIELDS.put("organisationId", PlanContent.Action::organisationId);
        ACTION_FIELDS.put("professional", PlanContent.Action::professional);
        ACTION_FIELDS.put("status", PlanContent.Action::status);
    }

    private PlanDiffer() {
    }

    static List<PlanViews.Change> diff(PlanContent before, PlanContent after) {
        List<PlanViews.Change> changes = new ArrayList<>();
        Map<UUID, PlanContent.Goal> oldGoals = byId(before.goals(), PlanContent.Goal::id);
        Map<UUID, PlanContent.Goal> newGoals = byId(after.goals(), PlanContent.Goal::id);
        oldGoals.forEach((id, goal) -> {
            if (!newGoals.containsKey(id)) {
                changes.add(new PlanViews.Change("GOAL_REMOVED", id, null, null, goal.description(), null));
            }
        });
        newGoals.forEach((id, goal) -> {
            PlanContent.Goal old = oldGoals.get(id);
            if (old == null) {
                changes.add(new PlanViews.Change("GOAL_ADDED", id, null, null, null, goal.description()));
                goal.actions().forEach(action ->
                        changes.add(new PlanViews.Change("ACTION_ADDED", id, action.id(), null, null, action.description())));
                return;
            }
            GOAL_FIELDS.forEach((field, getter) -> compare(changes, "GOAL_CHANGED", id, null, field, getter.apply(old), getter.apply(goal)));
            diffActions(changes, id, old.actions(), goal.actions());
        });
        if (!Objects.equals(before.agreement(), after.agreement())) {
            changes.add(new PlanViews.Change("AGREEMENT_CHANGED", null, null, "agreement", before.agreement(), after.agreement()));
        }
        return changes;
    }

    private static void diffActions(List<PlanViews.Change> changes, UUID goalId, List<PlanContent.Action> before,
                                    List<PlanContent.Action> after) {
        Map<UUID, PlanContent.Action> oldActions = byId(before, PlanContent.Action::id);
        Map<UUID, PlanContent.Action> newActions = byId(after, PlanContent.Action::id);
        oldActions.forEach((id, action) -> {
            if (!newActions.containsKey(id)) {
                changes.add(new PlanViews.Change("ACTION_REMOVED", goalId, id, null, action.description(), null));
            }
        });
        newActions.forEach((id, action) -> {
            PlanContent.Action old = oldActions.get(id);
            if (old == null) {
                changes.add(new PlanViews.Change("ACTION_ADDED", goalId, id, null, null, action.description()));
            } else {
                ACTION_FIELDS.forEach((field, getter) ->
                        compare(changes, "ACTION_CHANGED", goalId, id, field, getter.apply(old), getter.apply(action)));
            }
        });
    }

    private static void compare(List<PlanViews.Change> changes, String kind, UUID goalId, UUID actionId, String field,
                                Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(new PlanViews.Change(kind, goalId, actionId, field, before, after));
        }
    }

    private static <T> Map<UUID, T> byId(List<T> items, Function<T, UUID> id) {
        Map<UUID, T> map = new LinkedHashMap<>();
        if (items != null) {
            items.forEach(item -> map.put(id.apply(item), item));
        }
        return map;
    }
}
