package app.facet.core.rules;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One face row breaking one {@link FaceRule}.
 *
 * @param rule   the rule broken
 * @param detail what was found, e.g. {@code "box 10,20 300x300 outside 200x200"}
 */
public record RuleViolation(FaceRule rule, String detail) {
    /** @return {@code "<code>: <detail>"}, the form stored in {@code face_crops.invalid_reason} and {@code rejected_writes.reason} */
    public String invalidReason() {
        return rule.invalidReason(detail);
    }

    /** @return the reasons of {@code violations} joined by {@code "; "}, in rule order; empty for none */
    public static String reasons(List<RuleViolation> violations) {
        return violations.stream().map(RuleViolation::invalidReason).collect(Collectors.joining("; "));
    }
}
