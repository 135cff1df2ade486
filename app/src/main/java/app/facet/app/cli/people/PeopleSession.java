package app.facet.app.cli.people;

import app.facet.app.cli.LibraryOption;
import app.facet.app.cli.UserError;
import app.facet.core.catalog.Catalog;
import app.facet.core.library.FacetLibrary;
import app.facet.core.library.PeopleServices;
import app.facet.core.people.ClusterService;
import app.facet.core.people.PeopleException;
import app.facet.core.people.PeopleService;
import app.facet.core.people.RecognitionService;
import app.facet.model.Person;

import java.util.Optional;
import java.util.function.Supplier;

/** The people services of one command run over an existing library (core's {@link PeopleServices}), with the command line's error sentences. */
final class PeopleSession {
    final Catalog catalog;
    final PeopleService people;
    final ClusterService clusters;
    final RecognitionService recognition;

    private PeopleSession(FacetLibrary library) {
        this.catalog = library.catalog();
        PeopleServices services = library.people();
        people = services.people();
        clusters = services.clusters();
        recognition = services.recognition();
    }

    /** @throws UserError when there is no library at the location */
    static PeopleSession open(LibraryOption library) {
        return new PeopleSession(library.existing());
    }

    /** Runs a people action; its refusal (unknown id, blank name...) becomes the one-sentence user error. */
    static <T> T userErrors(Supplier<T> action) {
        try {
            return action.get();
        } catch (PeopleException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** A person by name (case-insensitive) or, failing that, by id. */
    Person person(String nameOrId) {
        Optional<Person> byName = userErrors(() -> people.findByName(nameOrId));
        if (byName.isPresent()) {
            return byName.get();
        }
        if (nameOrId.strip().matches("\\d{1,18}")) {
            Optional<Person> byId = userErrors(() -> people.person(Long.parseLong(nameOrId.strip())));
            if (byId.isPresent()) {
                return byId.get();
            }
        }
        throw new UserError("No person is named or numbered \"" + nameOrId + "\" (see `facet people list`).");
    }
}
