package nl.wijkroute.system.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.wijkroute.system.StartupProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a real Keycloak from the keycloak-quarkus-dist artifact as a child process on 127.0.0.1, with
 * the wijkroute realm imported from the repository. {@link #start()} returns at once so the
 * application can start alongside; {@link #awaitReady()} blocks until the realm answers.
 * Stopping kills Keycloak and its descendants, so nothing is left behind.
 */
public class KeycloakLauncher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KeycloakLauncher.class);
    public static final String REALM = "wijkroute";
    private static final String REALM_RESOURCE = "/keycloak/wijkroute-realm.json";

    private final KeycloakProperties properties;
    private final Path logFile;
    private Process process;
    private Thread shutdownHook;
    private long startedAt;

    public KeycloakLauncher(KeycloakProperties properties) {
        this.properties = properties;
        this.logFile = properties.home() == null ? null
                : properties.home().toAbsolutePath().getParent().resolve("keycloak-" + properties.port() + ".log");
    }

    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + properties.port();
    }

    public synchronized void start() {
        Path home = properties.home();
        if (home == null || !Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new StartupProblem("Keycloak is niet gevonden" + (home == null ? "" : " in " + home)
                    + ". Start via './mvnw spring-boot:run' (Maven pakt Keycloak uit), of zet WIJKROUTE_KEYCLOAK_EMBEDDED=false "
                    + "en wijs WIJKROUTE_OIDC_ISSUER naar een eigen Keycloak.");
        }
        requireFreePort(properties.port());
        copyRealm(home);
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + properties.port(), "--import-realm"));
        if (properties.inMemory()) {
            command.add("--db=dev-mem");
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        // Keycloak would otherwise size its heap from the machine's memory; a dev realm needs little.
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        try {
            startedAt = System.nanoTime();
            process = builder.start();
        } catch (IOException e) {
            throw new StartupProblem("Keycloak kon niet starten: " + e.getMessage());
        }
        shutdownHook = new Thread(this::stopProcess, "keycloak-stopper");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        log.info("Keycloak is starting on {} (log: {})", baseUrl(), logFile);
    }

    public void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI wellKnown = URI.create(issuer() + "/.well-known/openid-configuration");
        long deadline = System.nanoTime() + properties.startupTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new StartupProblem("Keycloak stopte tijdens het starten (exit " + process.exitValue() + "). "
                        + "Laatste regels uit " + logFile + ":\n" + tail());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(wellKnown).timeout(Duration.ofSeconds(2)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    log.info("Keycloak ready at {} after {} s", baseUrl(),
                            String.format("%.1f", (System.nanoTime() - startedAt) / 1e9));
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartupProblem("Wachten op Keycloak is onderbroken.");
            }
            sleep(500);
        }
        stopProcess();
        throw new StartupProblem("Keycloak kwam niet op binnen " + properties.startupTimeout().toSeconds() + " s. "
                + "Laatste regels uit " + logFile + ":\n" + tail());
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The Keycloak process and every process it started, for tests that check nothing is left. */
    public List<ProcessHandle> processes() {
        if (process == null) {
            return List.of();
        }
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        return all;
    }

    @Override
    public synchronized void close() {
        stopProcess();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or has run; nothing to remove
            }
            shutdownHook = null;
        }
    }

    private void stopProcess() {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
            for (ProcessHandle child : descendants) {
                child.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            descendants.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        log.info("Keycloak stopped");
    }

    private void copyRealm(Path home) {
        try (InputStream realm = KeycloakLauncher.class.getResourceAsStream(REALM_RESOURCE)) {
            if (realm == null) {
                throw new IllegalStateException("Realm export missing: " + REALM_RESOURCE);
            }
            Path importDir = Files.createDirectories(home.resolve("data/import"));
            Files.copy(realm, importDir.resolve("wijkroute-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireFreePort(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new StartupProblem("Poort " + port + " voor Keycloak is al in gebruik (draait Wijkroute of Keycloak al?). "
                    + "Stop dat proces of kies een andere poort met WIJKROUTE_KEYCLOAK_PORT.");
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(log niet leesbaar: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
