package dk.grantlifecycle.api.web;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat refuses some requests before Spring sees them (an encoded NUL or slash, invalid UTF-8,
 * a raw '{' in the path) and would answer with its HTML error page. This replaces Tomcat's error
 * report with problem+json, so every refusal the API gives has the same form.
 */
@Component
public class ServerErrorsAsProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            if (host instanceof StandardHost standardHost) {
                standardHost.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
            host.getPipeline().addValve(new ProblemReportValve());
        });
    }

    /** After Spring Boot's own customizer, which adds Tomcat's HTML error report. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Tomcat's error report, written as RFC 9457 problem+json instead of HTML. */
    public static class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(true);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            boolean badRequest = status == 400;
            String detail = badRequest ? "the request line or path is malformed (for example an encoded NUL, an encoded slash,"
                    + " invalid UTF-8 or a character that must be percent-encoded)" : "the server refused the request";
            String json = "{\"type\":\"" + Problems.TYPES + (badRequest ? "bad-input" : "server-refusal") + "\","
                    + "\"title\":\"" + (badRequest ? "Malformed request" : "Request refused") + "\","
                    + "\"status\":" + status + ",\"detail\":\"" + detail + "\",\"field\":\"" + (badRequest ? "path" : "request") + "\"}";
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(json);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The client went away or the response is no longer writable: nothing left to tell it.
            }
        }
    }
}
