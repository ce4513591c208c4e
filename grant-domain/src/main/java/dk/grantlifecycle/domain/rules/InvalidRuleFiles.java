package dk.grantlifecycle.domain.rules;

import java.util.List;

/** Rule files that cannot be used: each problem names the file, the field and what is wrong. */
public class InvalidRuleFiles extends RuntimeException {

    private final List<Problem> problems;

    public InvalidRuleFiles(List<Problem> problems) {
        super("invalid rule files:\n  " + String.join("\n  ", problems.stream().map(Problem::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    public record Problem(String file, String field, String message) {
        @Override
        public String toString() {
            return file + ": " + (field == null || field.isEmpty() ? "" : "field '" + field + "': ") + message;
        }
    }
}
