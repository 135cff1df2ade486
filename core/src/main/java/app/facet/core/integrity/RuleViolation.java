package app.facet.core.integrity;

/**
 * One face row breaking one {@link FaceRule}.
 *
 * @param rule   the rule broken
 * @param detail what was found, e.g. {@code "box 10,20,300x300 outside 200x200"}
 */
public record RuleViolation(FaceRule rule, String detail) {
    /** @return the text to store in {@code face_crops.invalid_reason} */
    public String invalidReason() {
        return rule.invalidReason(detail);
    }
}
