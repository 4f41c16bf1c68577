package nl.wijkroute.support;

import java.io.IOException;
import java.net.ServerSocket;

/** A free local port for a server a test starts itself (Keycloak, the application on a real port). */
public final class TestPorts {

    private TestPorts() {
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
