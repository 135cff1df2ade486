package app.facet.app.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** A process that runs one command builds only that command's model (issue 14); help and unknown names see them all. */
class FacetCommandTest {

    @Test
    void theFirstArgumentsCommandAloneIsRegisteredAliasesIncluded() {
        assertThat(FacetCommand.commandLine("photos").getSubcommands()).containsOnlyKeys("photos");
        assertThat(FacetCommand.commandLine("review").getSubcommands()).containsOnlyKeys("decisions", "review");
    }

    @Test
    void helpUnknownNamesAndNoArgumentRegisterEveryCommandInOrder() {
        String[] all = {"scan", "faces", "photos", "decisions", "review", "metadata", "people", "check", "repair", "export",
                "restore", "models", "ui", "help"};
        assertThat(FacetCommand.commandLine().getSubcommands().keySet()).containsExactly(all);
        assertThat(FacetCommand.commandLine("--help").getSubcommands().keySet()).containsExactly(all);
        assertThat(FacetCommand.commandLine("help").getSubcommands().keySet()).containsExactly(all);
        assertThat(FacetCommand.commandLine("scna").getSubcommands().keySet()).containsExactly(all);
    }

    @Test
    void aCommandsHelpAndErrorsReadTheSameEitherWay() {
        assertThat(output(FacetCommand.commandLine("photos"), "photos", "--help"))
                .isEqualTo(output(FacetCommand.commandLine(), "photos", "--help")).contains("Usage: facet photos");
        assertThat(output(FacetCommand.commandLine("photos"), "photos", "--no-such-option"))
                .isEqualTo(output(FacetCommand.commandLine(), "photos", "--no-such-option")).contains("--no-such-option");
    }

    private static String output(CommandLine cl, String... args) {
        StringWriter text = new StringWriter();
        cl.setOut(new PrintWriter(text, true));
        cl.setErr(new PrintWriter(text, true));
        int code = cl.execute(args);
        return code + "\n" + text;
    }
}
