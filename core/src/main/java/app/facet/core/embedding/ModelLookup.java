package app.facet.core.embedding;

import java.util.Optional;

/**
 * Outcome of looking for a model: either a verified model or one sentence saying why none can be used.
 */
public record ModelLookup<D extends ModelFileDescription>(LocatedModel<D> model, String unavailableReason) {

    public ModelLookup {
        if ((model == null) == (unavailableReason == null)) {
            throw new IllegalArgumentException("exactly one of model and reason");
        }
    }

    public static <D extends ModelFileDescription> ModelLookup<D> found(LocatedModel<D> model) {
        return new ModelLookup<>(model, null);
    }

    public static <D extends ModelFileDescription> ModelLookup<D> unavailable(String reason) {
        return new ModelLookup<>(null, reason);
    }

    public Optional<LocatedModel<D>> located() {
        return Optional.ofNullable(model);
    }
}
