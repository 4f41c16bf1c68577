package nl.wijkroute.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: stagnation signals are raised through one API of the escalation module. The timers of other
 * modules call {@link StagnationSignalService#raise}, the daily detection its set-based methods; no other
 * class inserts into the signal table with SQL. (JPA writes are confined by the package-private repository; erasure
 * and resolving update signals, they raise none.)
 */
class StagnationSignalsRaisedInOnePlaceTest {

    private static final Pattern WRITES_SIGNALS = Pattern.compile(
            "insert\\s+into\\s+stagnation_signal\\b", Pattern.CASE_INSENSITIVE);

    @Test
    void onlyTheSignalServiceInsertsSignals() throws IOException {
        Path sources = Path.of("src/main/java");
        List<String> writers;
        try (Stream<Path> files = Files.walk(sources)) {
            writers = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> WRITES_SIGNALS.matcher(read(file)).find())
                    .map(file -> sources.relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
        assertThat(writers).containsExactly("nl/wijkroute/escalation/StagnationSignalService.java");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(file.toString(), e);
        }
    }
}
