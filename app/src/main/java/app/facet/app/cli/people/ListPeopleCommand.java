package app.facet.app.cli.people;

import app.facet.app.cli.LibraryOption;
import app.facet.app.cli.OutputFormat;
import app.facet.app.cli.RowPrinter;
import app.facet.model.Person;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

/** {@code facet people list}: one line per person. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the people by name, with their face and photo counts.")
public final class ListPeopleCommand implements Callable<Integer> {
    static final List<String> COLUMNS = List.of("person_id", "name", "faces", "photos", "hidden", "cover_face_id");

    @Mixin
    LibraryOption library;
    @Option(names = "--all", description = "Include hidden people.")
    boolean all;
    @Option(names = "--format", defaultValue = "csv", description = "csv or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PeopleSession session = PeopleSession.open(library);
        List<Person> people = PeopleSession.userErrors(() -> session.people.listPeople(all));
        try (RowPrinter out = new RowPrinter(format, COLUMNS, spec.commandLine().getOut())) {
            for (Person p : people) {
                OptionalLong cover = PeopleSession.userErrors(() -> session.people.coverFace(p.id()));
                out.row(p.id(), p.name(), p.faceCount(), p.photoCount(), p.hidden(), cover.isPresent() ? cover.getAsLong() : null);
            }
        }
        return 0;
    }
}
