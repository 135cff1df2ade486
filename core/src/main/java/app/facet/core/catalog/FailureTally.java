package app.facet.core.catalog;

/**
 * Failed photos sharing one failure code.
 *
 * @param code    the failure_reason text before its first ':' ("unknown" when there is none)
 * @param count   photos failed with it
 * @param example one full failure_reason of them
 */
public record FailureTally(String code, long count, String example) {
}
