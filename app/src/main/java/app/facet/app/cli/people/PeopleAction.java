package app.facet.app.cli.people;

import app.facet.app.cli.LibraryOption;
import app.facet.core.rules.PersonNames;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * A correction command over an existing library: opens the people services once, runs the core call, prints what it
 * did as one line (names escaped for the terminal), exit 0. A refusal is one sentence on stderr, exit 2, nothing changed.
 */
public abstract class PeopleAction implements Callable<Integer> {
    @Mixin
    protected LibraryOption library;
    @Spec
    protected CommandSpec spec;

    @Override
    public final Integer call() {
        PeopleSession session = PeopleSession.open(library);
        String said = PeopleSession.userErrors(() -> act(session));
        spec.commandLine().getOut().println(PersonNames.escaped(said));
        return 0;
    }

    /**
     * @return the sentence telling what changed
     * @throws app.facet.app.cli.UserError when the arguments name no person or face, or break a rule
     */
    protected abstract String act(PeopleSession session);
}
