package app.facet.core.transfer;

import java.util.List;

/**
 * A restore file that cannot be applied: malformed, an unknown column, a bad value, or a photo outside the library.
 * Nothing was applied. {@link #getMessage()} is one sentence for the user; {@link #problems()} lists each problem with
 * its row (at most {@value #MAX_PROBLEMS}).
 */
public class RestoreInputException extends RuntimeException {
    public static final int MAX_PROBLEMS = 20;

    private final List<String> problems;

    public RestoreInputException(String message, List<String> problems) {
        super(message);
        this.problems = List.copyOf(problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS)));
    }

    public RestoreInputException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of();
    }

    public List<String> problems() {
        return problems;
    }
}
