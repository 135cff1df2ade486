package app.facet.app.cli.people;

import app.facet.app.cli.LibraryOption;
import app.facet.app.cli.OutputFormat;
import app.facet.app.cli.RowPrinter;
import app.facet.core.people.Suggestion;
import app.facet.core.people.UndoableAction;
import app.facet.model.Face;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code facet people suggestions|confirm|reject}: review what recognition was unsure about, through the same
 * {@link app.facet.core.people.RecognitionService} calls as the window's review.
 */
public final class SuggestionCommands {
    private SuggestionCommands() {
    }

    /** {@code facet people suggestions [--format csv|json]}: one row per pending suggestion, most alike first. */
    @Command(name = "suggestions", mixinStandardHelpOptions = true,
            description = "List the faces recognition suggests for a person, waiting for confirm or reject (most alike first).")
    public static final class ListSuggestions implements Callable<Integer> {
        /** Column names are a contract: add at the end, never rename or drop. */
        static final List<String> COLUMNS = List.of("face_id", "person_id", "person", "similarity", "photo_path");

        @Mixin
        LibraryOption library;
        @Option(names = "--format", defaultValue = "csv", description = "csv or json (default: ${DEFAULT-VALUE})")
        OutputFormat format;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PeopleSession session = PeopleSession.open(library);
            List<Suggestion> suggestions = PeopleSession.userErrors(session.recognition::suggestions);
            Map<Long, Face> faces = PeopleSession.userErrors(() -> session.people.faces(suggestions.stream().map(Suggestion::faceId).toList()))
                    .stream().collect(Collectors.toMap(Face::id, Function.identity()));
            try (RowPrinter out = new RowPrinter(format, COLUMNS, spec.commandLine().getOut())) {
                for (Suggestion s : suggestions) {
                    Face f = faces.get(s.faceId());
                    out.row(s.faceId(), s.personId(), s.personName(), Math.round(s.similarity() * 1000) / 1000.0,
                            f == null ? null : f.imagePath());
                }
            }
            return 0;
        }
    }

    /** {@code facet people confirm FACE_ID}. */
    @Command(name = "confirm", mixinStandardHelpOptions = true,
            description = "Accept the suggestion for a face: it becomes the suggested person's (as your decision).")
    public static final class Confirm extends FaceAction {
        @Override
        protected UndoableAction apply(PeopleSession session, long faceId) {
            return session.recognition.confirmSuggestion(faceId);
        }
    }

    /** {@code facet people reject FACE_ID}. */
    @Command(name = "reject", mixinStandardHelpOptions = true,
            description = "Refuse the suggestion for a face: it stays unknown and is never suggested for that person again.")
    public static final class Reject extends FaceAction {
        @Override
        protected UndoableAction apply(PeopleSession session, long faceId) {
            return session.recognition.rejectSuggestion(faceId);
        }
    }
}
