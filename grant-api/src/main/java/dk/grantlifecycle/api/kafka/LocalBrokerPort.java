package dk.grantlifecycle.api.kafka;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local mode's fixed port. spring-kafka-test's KRaft broker always listens on a random port
 * (its test kit pre-binds the sockets), so the local mode forwards a fixed port on the loopback
 * interface to it: a client bootstraps through {@code localhost:9092} and then talks to the broker
 * at the address the broker advertises (also on localhost). Development only, like the broker.
 */
final class LocalBrokerPort implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalBrokerPort.class);

    private final ServerSocket server;
    private final int target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    LocalBrokerPort(int port, int target) throws IOException {
        this.target = target;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        Thread acceptor = new Thread(this::accept, "kafka-local-port-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Socket broker = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(client);
                open.add(broker);
                pump(client, broker);
                pump(broker, client);
            } catch (IOException e) {
                if (!closed) {
                    log.debug("local Kafka port: {}", e.toString());
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // the other side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "kafka-local-port-pump");
        t.setDaemon(true);
        t.start();
    }

    private void closeQuietly(Socket s) {
        open.remove(s);
        try {
            s.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        open.forEach(this::closeQuietly);
    }
}
