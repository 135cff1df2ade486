package app.facet.ui.people;

import app.facet.core.browse.PersonFilter;
import app.facet.core.browse.PersonSummary;
import app.facet.core.browse.UnknownFaces;

/** One row of the people sidebar. */
sealed interface SidebarEntry {
    /** The grid filter a click on this row sets. */
    PersonFilter filter();

    String label();

    record AllPhotos(long photoCount) implements SidebarEntry {
        public PersonFilter filter() {
            return PersonFilter.any();
        }

        public String label() {
            return "All photos";
        }
    }

    record Unknown(UnknownFaces faces) implements SidebarEntry {
        public PersonFilter filter() {
            return PersonFilter.unknown();
        }

        public String label() {
            return "Unknown";
        }
    }

    record PersonRow(PersonSummary summary) implements SidebarEntry {
        public PersonFilter filter() {
            return PersonFilter.only(summary.person().id());
        }

        public String label() {
            return summary.person().name();
        }
    }
}
