package app.facet.core.browse;

/**
 * Which people a photo must show to pass a {@link PhotoFilter}.
 * <ul>
 *   <li>{@link Any}: no person filter.</li>
 *   <li>{@link Only}: photos with at least one face assigned to that person (faces marked "not a face" do not count).</li>
 *   <li>{@link Unknown}: photos with at least one face that is on no person ("Unknown" in the sidebar).</li>
 * </ul>
 */
public sealed interface PersonFilter {

    record Any() implements PersonFilter {
    }

    record Only(long personId) implements PersonFilter {
    }

    record Unknown() implements PersonFilter {
    }

    static PersonFilter any() {
        return new Any();
    }

    static PersonFilter only(long personId) {
        return new Only(personId);
    }

    static PersonFilter unknown() {
        return new Unknown();
    }
}
