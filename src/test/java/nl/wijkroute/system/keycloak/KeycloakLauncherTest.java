package nl.wijkroute.system.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import nl.wijkroute.support.TestPorts;
import nl.wijkroute.system.StartupProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the dev start fails when Keycloak cannot come up: one clear message, nothing left running. */
class KeycloakLauncherTest {

    @TempDir
    Path home;

    @Test
    void missingDistributionTellsHowToGetIt() {
        KeycloakLauncher launcher = new KeycloakLauncher(properties(home.resolve("nowhere"), Duration.ofSeconds(2)));
        assertThatThrownBy(launcher::start).isInstanceOf(StartupProblem.class).hasMessageContaining("./mvnw spring-boot:run");
    }

    @Test
    void keycloakThatDiesShowsTheEndOfItsLog() throws IOException {
        fakeKeycloak("echo 'ERROR: port for the management interface is taken'; exit 3");
        KeycloakLauncher launcher = new KeycloakLauncher(properties(home, Duration.ofSeconds(20)));
        launcher.start();

        assertThatThrownBy(launcher::awaitReady).isInstanceOf(StartupProblem.class)
                .hasMessageContaining("exit 3").hasMessageContaining("management interface is taken");
        assertThat(Files.exists(home.resolve("data/import/wijkroute-realm.json"))).as("realm copied for import").isTrue();
    }

    @Test
    void keycloakThatNeverAnswersIsStoppedAfterTheTimeout() throws IOException {
        fakeKeycloak("echo 'starting slowly'; sleep 60");
        KeycloakLauncher launcher = new KeycloakLauncher(properties(home, Duration.ofSeconds(2)));
        launcher.start();
        List<ProcessHandle> processes = launcher.processes();

        assertThatThrownBy(launcher::awaitReady).isInstanceOf(StartupProblem.class)
                .hasMessageContaining("binnen 2 s").hasMessageContaining("starting slowly");
        assertThat(processes).noneMatch(ProcessHandle::isAlive);
        launcher.close();
    }

    private void fakeKeycloak(String script) throws IOException {
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path kc = Files.writeString(bin.resolve("kc.sh"), "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(kc, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static KeycloakProperties properties(Path home, Duration timeout) {
        return new KeycloakProperties(true, TestPorts.freePort(), home, timeout, true);
    }
}
