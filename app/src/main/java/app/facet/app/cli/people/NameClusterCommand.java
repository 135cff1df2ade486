package app.facet.app.cli.people;

import app.facet.core.rules.PersonNames;
import app.facet.app.cli.LibraryOption;
import app.facet.core.people.UndoableAction;
import app.facet.model.Person;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code facet people name CLUSTER NAME}: the faces of a cluster are that person (created, or added to by name). */
@Command(name = "name", mixinStandardHelpOptions = true,
        description = "Name a cluster: its faces become that person (an existing name, in any case, adds to that person).")
public final class NameClusterCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CLUSTER", description = "Cluster id from `facet people cluster`.")
    long cluster;
    @Parameters(index = "1..*", paramLabel = "NAME", description = "The person's name (several words are joined by spaces).")
    List<String> name;
    @Mixin
    LibraryOption library;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PeopleSession session = PeopleSession.open(library);
        UndoableAction done = PeopleSession.userErrors(() -> session.clusters.nameCluster(cluster, String.join(" ", name)));
        Person p = PeopleSession.userErrors(() -> session.people.person(done.personId()).orElseThrow());
        spec.commandLine().getOut().printf("%s: \"%s\" now has %d faces in %d photos (person %d).%n",
                PersonNames.escaped(done.description()), PersonNames.escaped(p.name()), p.faceCount(), p.photoCount(), p.id());
        return 0;
    }
}
