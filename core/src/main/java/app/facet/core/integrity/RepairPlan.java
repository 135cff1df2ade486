package app.facet.core.integrity;

import java.util.List;

/**
 * What a repair would do, made from one full check without changing anything. Apply it with
 * {@link IntegrityRepairer#apply}: each change is re-checked just before it is made, so a plan that went stale
 * (the catalog changed since) skips what no longer applies instead of doing harm.
 */
public final class RepairPlan {
    private final IntegrityReport before;
    private final List<RepairAction> actions;

    RepairPlan(IntegrityReport before, List<RepairAction> actions) {
        this.before = before;
        this.actions = List.copyOf(actions);
    }

    /** The full check the plan was made from. */
    public IntegrityReport before() {
        return before;
    }

    /** Every change, in the order it would be applied (grouped by check, one transaction per check). */
    public List<PlannedChange> changes() {
        return actions.stream().map(RepairAction::planned).toList();
    }

    /** @return true when there is nothing to change (changes left for the user do not count) */
    public boolean isEmpty() {
        return actions.stream().allMatch(a -> a.planned().kind() == ChangeKind.LEAVE_FOR_USER);
    }

    List<RepairAction> actions() {
        return actions;
    }
}
