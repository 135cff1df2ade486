package app.facet.app.cli.people;

import app.facet.app.cli.UserError;
import app.facet.core.people.UndoableAction;
import app.facet.model.Person;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code facet people merge TARGET SOURCE...}: the sources' faces go to the target and the sources are removed. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Merge one or more people into TARGET (by name or id): TARGET keeps its name; the others' faces, "
                + "suggestions and refusals move to it.")
public final class MergePeopleCommand extends PeopleAction {
    @Parameters(index = "0", paramLabel = "TARGET", description = "The person to keep (name or id).")
    String target;
    @Parameters(index = "1..*", arity = "1..*", paramLabel = "SOURCE", description = "The people merged into TARGET (names or ids).")
    List<String> sources;

    @Override
    protected String act(PeopleSession session) {
        Person a = session.person(target);
        List<Long> ids = new ArrayList<>();
        for (String source : sources) {
            Person b = session.person(source);
            if (a.id() == b.id()) {
                throw new UserError("\"" + target + "\" and \"" + source + "\" are the same person.");
            }
            ids.add(b.id());
        }
        UndoableAction done = session.people.merge(a.id(), ids);
        Person merged = session.people.person(a.id()).orElseThrow();
        return String.format(Locale.ROOT, "%s: %d faces in %d photos (person %d).", done.description(), merged.faceCount(),
                merged.photoCount(), merged.id());
    }
}
