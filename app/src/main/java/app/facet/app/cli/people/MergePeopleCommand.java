package app.facet.app.cli.people;

import app.facet.core.rules.PersonNames;
import app.facet.app.cli.LibraryOption;
import app.facet.app.cli.UserError;
import app.facet.core.people.UndoableAction;
import app.facet.model.Person;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code facet people merge A B}: B's faces go to A and B is removed. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Merge person B into person A (by name or id): A keeps its name; B's faces, suggestions and refusals move to A.")
public final class MergePeopleCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "A", description = "The person to keep (name or id).")
    String target;
    @Parameters(index = "1", paramLabel = "B", description = "The person merged into A (name or id).")
    String source;
    @Mixin
    LibraryOption library;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PeopleSession session = PeopleSession.open(library);
        Person a = session.person(target);
        Person b = session.person(source);
        if (a.id() == b.id()) {
            throw new UserError("\"" + target + "\" and \"" + source + "\" are the same person.");
        }
        UndoableAction done = PeopleSession.userErrors(() -> session.people.merge(a.id(), List.of(b.id())));
        Person merged = PeopleSession.userErrors(() -> session.people.person(a.id()).orElseThrow());
        spec.commandLine().getOut().printf("%s: %d faces in %d photos (person %d).%n",
                PersonNames.escaped(done.description()), merged.faceCount(), merged.photoCount(), merged.id());
        return 0;
    }
}
