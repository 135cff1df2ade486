package app.facet.app.cli.people;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code facet people ...}: discover, recognise, list, name and merge people. Register it under the top-level
 * command ({@code subcommands = {..., PeopleCommand.class}}).
 */
@Command(name = "people", mixinStandardHelpOptions = true,
        description = "Discover, recognise, name and merge the people in the catalog.",
        subcommands = {ClusterCommand.class, RecognizeCommand.class, ListPeopleCommand.class, NameClusterCommand.class,
                MergePeopleCommand.class})
public final class PeopleCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
