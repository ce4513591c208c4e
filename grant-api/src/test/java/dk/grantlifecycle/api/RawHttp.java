package dk.grantlifecycle.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Requests written byte for byte on a socket, for what an HTTP client library refuses to send
 * (a raw '{' in the path, an encoded NUL): they reach Tomcat's own parser as a hostile client would send them.
 */
final class RawHttp {

    record Answer(int status, String head, String body) {
        String contentType() {
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:")) {
                    return line.substring("content-type:".length()).trim();
                }
            }
            return "";
        }
    }

    private RawHttp() {
    }

    static Answer send(int port, String method, String target, String body) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: " + Api.bearer("cw-raw") + "\r\n"
                    + (body == null ? "" : "Content-Type: application/json\r\nContent-Length: " + content.length + "\r\n") + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            in.transferTo(received);
            String text = received.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String responseHead = split < 0 ? text : text.substring(0, split);
            String responseBody = split < 0 ? "" : text.substring(split + 4);
            int status = Integer.parseInt(responseHead.substring(9, 12));
            return new Answer(status, responseHead, responseBody);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
