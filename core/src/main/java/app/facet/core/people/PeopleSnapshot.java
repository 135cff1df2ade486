package app.facet.core.people;

/** The rows an action touched, as they were before it (filled in by the implementation). */
final class PeopleSnapshot {
}
