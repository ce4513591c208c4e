package dk.grantlifecycle.api.web.input;

import dk.grantlifecycle.api.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The first thing every request meets: matrix parameters are refused (Spring would otherwise
 * match {@code /admin/replays/cases;drop} as {@code cases}), and a body larger than
 * {@code grants.http.max-body-size} is refused with 413 before anything reads it. A body within
 * the limit is read once and kept, so later steps (the idempotency fingerprint, the JSON
 * reader) see the same bytes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestLimitsFilter extends OncePerRequestFilter {

    private final long maxBody;
    private final Problems problems;

    public RequestLimitsFilter(@Value("${grants.http.max-body-size:256KB}") DataSize maxBody, Problems problems) {
        this.maxBody = maxBody.toBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI();
        if (uri.indexOf(';') >= 0) {
            problems.write(response, Problems.badInput("matrix parameters (';' in the path) are not accepted", "path"),
                    new HttpHeaders());
            return;
        }
        if (!hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBody) {
            refuseTooLarge(response, request.getContentLengthLong());
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), maxBody + 1);
        if (body.length > maxBody) {
            refuseTooLarge(response, -1);
            return;
        }
        chain.doFilter(new CachedBody(request, body), response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        String method = request.getMethod();
        return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
    }

    private void refuseTooLarge(HttpServletResponse response, long length) throws IOException {
        // The rest of the body is not read; the connection closes instead of draining it.
        response.setHeader(HttpHeaders.CONNECTION, "close");
        problems.write(response, Problems.problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
                "the request body is " + (length >= 0 ? length + " bytes" : "larger than the limit") + "; at most " + maxBody
                        + " bytes are accepted", null, "body"), new HttpHeaders());
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while (out.size() < limit && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - out.size()))) > 0) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** A request whose body has been read once and is served again from memory. */
    public static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        public byte[] body() {
            return body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
