package app.facet.app.cli;

import app.facet.core.catalog.CatalogException;
import app.facet.core.rules.PersonNames;
import app.facet.app.cli.integrity.CheckCommand;
import app.facet.app.cli.integrity.ExportCommand;
import app.facet.app.cli.integrity.RepairCommand;
import app.facet.app.cli.integrity.RestoreCommand;
import app.facet.app.cli.people.PeopleCommand;
import app.facet.app.logging.LogMarkers;
import app.facet.app.logging.UncaughtErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The {@code facet} command line. Errors print as one clear sentence with exit code 2. */
@Command(name = "facet", mixinStandardHelpOptions = true, version = "Facet 0.1.0",
        description = "Finds and recognises the people in your photos, on your own machine.")
public final class FacetCommand implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(FacetCommand.class);
    /** The subcommands, in the order the usage help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(ScanCommand.class, FacesCommand.class, PhotosCommand.class, DecisionsCommand.class,
            MetadataCommand.class, PeopleCommand.class, CheckCommand.class, RepairCommand.class, ExportCommand.class, RestoreCommand.class,
            ModelsCommand.class, UiCommand.class, CommandLine.HelpCommand.class);
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** @return the process exit code: 0 success, 1 "found problems" (check), 2 error */
    public static int run(String... args) {
        return commandLine(args.length == 0 ? null : args[0]).execute(args);
    }

    /** The configured command line with every subcommand, for tests that capture output with setOut/setErr. */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The configured command line with only the subcommand named {@code first} when there is one (picocli builds the
     * model of every registered subcommand and loads the classes of their fields: ~0.1 s of a process that runs one
     * command, issue 14), else with all of them (usage help, the help command, an unknown name's error message).
     */
    static CommandLine commandLine(String first) {
        CommandLine cl = new CommandLine(new FacetCommand());
        List<Class<?>> named = SUBCOMMANDS.stream().filter(c -> c != CommandLine.HelpCommand.class && names(c).contains(first)).toList();
        for (Class<?> c : named.isEmpty() ? SUBCOMMANDS : named) {
            cl.addSubcommand(c);
        }
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            if (ex instanceof UserError || ex instanceof CatalogException || ex instanceof IllegalArgumentException) {
                log.warn(LogMarkers.TOLD_USER, "event=command_failed command={} reason=\"{}\"", cmd.getCommandName(), sentence(ex), ex);
                err.println("facet: " + sentence(ex));
            } else {
                // a defect, not a user mistake: the trace goes to the log file, the terminal gets one sentence
                log.error(LogMarkers.TOLD_USER, "event=command_crashed command={}", cmd.getCommandName(), ex);
                err.println("facet: " + UncaughtErrors.sentence(ex));
            }
            err.flush();
            return 2;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("facet: " + ex.getMessage() + " (see `facet " + ex.getCommandLine().getCommandName() + " --help`)");
            err.flush();
            return 2;
        });
        return cl;
    }

    private static List<String> names(Class<?> command) {
        Command c = command.getAnnotation(Command.class);
        return Stream.concat(Stream.of(c.name()), Arrays.stream(c.aliases())).toList();
    }

    private static String sentence(Exception ex) {
        String m = ex.getMessage();
        return terminalSafe(m == null || m.isBlank() ? ex.toString() : m);
    }

    /** A message for the terminal: line by line, control and bidi override characters escaped (a name may hold them). */
    public static String terminalSafe(String message) {
        return String.join("\n", Arrays.stream(message.split("\n", -1)).map(PersonNames::escaped).toList());
    }
}
