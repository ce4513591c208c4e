package dk.grantlifecycle.api.web.input;

import dk.grantlifecycle.api.web.BadInput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Path variables and query parameters keep {@link InputRules} before any controller runs: ids
 * are short tokens of letters, digits and dashes, projections are named, months are yyyy-mm,
 * municipalities are slugs, and no parameter carries control characters or runs past one line.
 * A refusal names the variable or parameter.
 */
public class PathAndParameterCheck implements HandlerInterceptor {

    @Override
    @SuppressWarnings("unchecked")
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Object attribute = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (attribute instanceof Map<?, ?> variables) {
            ((Map<String, String>) variables).forEach(PathAndParameterCheck::checkPathVariable);
        }
        request.getParameterMap().forEach((name, values) -> {
            String nameProblem = InputRules.problemWith(name, false, InputRules.PARAMETER_MAX);
            if (nameProblem != null) {
                throw new BadInput("query", "a parameter name " + nameProblem);
            }
            for (String value : values) {
                String problem = InputRules.problemWith(value, false, InputRules.PARAMETER_MAX);
                if (problem != null) {
                    throw new BadInput(name, problem);
                }
            }
        });
        return true;
    }

    private static void checkPathVariable(String name, String value) {
        switch (name) {
            case "projection" -> require(InputRules.PROJECTION, name, value, "one of cases, deadlines, audit, dst");
            case "month" -> require(InputRules.MONTH, name, value, "a month as yyyy-mm");
            case "municipality" -> require(InputRules.MUNICIPALITY, name, value, "a municipality as a lower-case slug such as lejre");
            case "paragraph" -> require(InputRules.PARAGRAPH, name, value, "a paragraph such as SEL85");
            case "complaintId", "hearingId" -> require(InputRules.UUID_LIKE, name, value, "an id of 8-64 letters, digits or dashes");
            default -> require(InputRules.ID, name, value, "an id of letters, digits and dashes (at most 64)");
        }
    }

    private static void require(Pattern pattern, String name, String value, String expected) {
        if (!pattern.matcher(value).matches()) {
            throw new BadInput(name, "is " + expected);
        }
    }
}
