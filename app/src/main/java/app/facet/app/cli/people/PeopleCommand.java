package app.facet.app.cli.people;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code facet people ...}: discover, recognise, list, name, merge, split and correct people. Register it under the top-level
 * command ({@code subcommands = {..., PeopleCommand.class}}).
 */
@Command(name = "people", mixinStandardHelpOptions = true,
        description = "Discover, recognise, name, merge, split and correct the people in the catalog.",
        subcommands = {ClusterCommand.class, RecognizeCommand.class, ListPeopleCommand.class, NameClusterCommand.class,
                MergePeopleCommand.class, PersonEdits.Rename.class, PersonEdits.Hide.class, PersonEdits.Delete.class,
                PersonEdits.Split.class, PersonEdits.Cover.class, SuggestionCommands.ListSuggestions.class,
                SuggestionCommands.Confirm.class, SuggestionCommands.Reject.class})
public final class PeopleCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
