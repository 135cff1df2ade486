package app.facet.app.cli.people;

import app.facet.app.cli.LibraryOption;
import app.facet.app.cli.UserError;
import app.facet.core.catalog.Catalog;
import app.facet.core.people.ClusterService;
import app.facet.core.people.ModelThresholds;
import app.facet.core.people.PeopleException;
import app.facet.core.people.PeopleService;
import app.facet.core.people.RecognitionService;
import app.facet.core.people.SeedQuality;
import app.facet.core.people.ThresholdsByModel;
import app.facet.core.people.UndoHistory;
import app.facet.model.Person;

import java.util.Optional;
import java.util.function.Supplier;

/** The people services of one command run over an existing library, with thresholds from the model descriptions. */
final class PeopleSession {
    final Catalog catalog;
    final PeopleService people;
    final ClusterService clusters;
    final RecognitionService recognition;

    private PeopleSession(Catalog catalog) {
        this.catalog = catalog;
        UndoHistory history = new UndoHistory();
        ThresholdsByModel thresholds = ModelThresholds.shipped();
        people = new PeopleService(catalog, history);
        clusters = new ClusterService(catalog, thresholds, SeedQuality.DEFAULTS, history);
        recognition = new RecognitionService(catalog, thresholds, history);
    }

    /** @throws UserError when there is no library at the location */
    static PeopleSession open(LibraryOption library) {
        return new PeopleSession(library.openExisting());
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
